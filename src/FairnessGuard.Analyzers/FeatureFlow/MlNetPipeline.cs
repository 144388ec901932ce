using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// The facts of an ML.NET pipeline written in one code block: the feature concatenations, the column
/// drops and selections, the trainers with their feature and label columns, the one-to-one column
/// transforms, and the input the data is loaded as.
/// </summary>
internal sealed partial class MlNetPipeline
{
    private static readonly HashSet<string> LoaderNames = new(StringComparer.Ordinal)
    {
        "LoadFromTextFile", "LoadFromEnumerable", "CreatePredictionEngine", "CreateTextLoader", "LoadFromBinary",
    };

    // The block's other calls with the method each binds to (null when none), in order: bound once here, and
    // the loader-helper search reads them instead of binding them again.
    private readonly List<(InvocationExpressionSyntax Call, IMethodSymbol? Method)> _otherCalls = new();

    public List<(MlNetCall Call, string Output, List<NamedColumn>? Inputs)> Concatenations { get; } = new();

    public List<(MlNetCall Call, List<NamedColumn> Columns)> Drops { get; } = new();

    public List<(MlNetCall Call, List<NamedColumn>? Columns)> Selections { get; } = new();

    public List<MlNetCall> Trainers { get; } = new();

    public HashSet<string> FeatureColumns { get; } = new(StringComparer.OrdinalIgnoreCase) { "Features" };

    public HashSet<string> LabelColumns { get; } = new(StringComparer.OrdinalIgnoreCase) { "Label" };

    /// <summary>Column transforms <c>(output ← input)</c>, e.g. <c>OneHotEncoding("GenderKey", "Gender")</c>.</summary>
    public List<(string Output, NamedColumn Input)> Mappings { get; } = new();

    /// <summary>
    /// The column-name arguments of in-place transforms (<c>ReplaceMissingValues("Age")</c>,
    /// <c>NormalizeMinMax(nameof(Row.Age))</c>, <c>new InputOutputColumnPair("Age", "Age")</c>): a column cleaned in
    /// place is still only a feature if a feature list names it.
    /// </summary>
    public List<(string Name, Microsoft.CodeAnalysis.Text.TextSpan Span)> InPlaceTransforms { get; } = new();

    public ITypeSymbol? InputType { get; set; }

    public List<NamedColumn> LoaderColumns { get; } = new();

    public bool IsModelPath => Trainers.Count > 0 || Concatenations.Any(c => FeatureColumns.Contains(c.Output));

    public static MlNetPipeline Read(BlockScan scan, SemanticModel model, Model.FairnessCompilationContext context, CancellationToken token)
    {
        var pipeline = new MlNetPipeline();
        foreach (var invocation in scan.Invocations)
        {
            var method = model.GetSymbolInfo(invocation, token).Symbol as IMethodSymbol;
            if (MlNetCall.Of(invocation, method) is { } call)
            {
                pipeline.Add(call, model, context, token);
            }
            else
            {
                pipeline._otherCalls.Add((invocation, method));
            }
        }

        pipeline.ReadLoaderColumns(scan.FeatureCandidates, model, token);
        if (pipeline.InputType is null && pipeline.LoaderColumns.Count == 0)
        {
            pipeline.ReadInputFromContainingType(scan.Block, model, context, token);
        }

        if (pipeline.InputType is null && pipeline.LoaderColumns.Count == 0)
        {
            pipeline.ReadInputFromHelpers(context, token);
        }

        if (pipeline.InputType is null && pipeline.LoaderColumns.Count == 0)
        {
            pipeline.InputType = pipeline.EngineInputType;
        }

        return pipeline;
    }

    private void Add(MlNetCall call, SemanticModel model, Model.FairnessCompilationContext context, CancellationToken token)
    {
        switch (call.Name)
        {
            case "Concatenate" when call.StringArgument("outputColumnName", model, token) is { } output:
                var inputs = call.ArgumentsOf("inputColumnNames");
                Concatenations.Add((call, output, inputs is null ? null : StringConstants.Resolve(inputs, model, context, token)));
                return;
            case "DropColumns":
                Drops.Add((call, StringConstants.Resolve(call.ArgumentsOf("columnNames") ?? new List<ExpressionSyntax>(), model, context, token) ?? new List<NamedColumn>()));
                return;
            case "SelectColumns":
                var kept = call.ArgumentsOf("columnNames");
                Selections.Add((call, kept is null ? null : StringConstants.Resolve(kept, model, context, token)));
                return;
        }

        if (call.Name is "LoadFromTextFile" or "CreateTextLoader" && call.ArgumentsOf("columns") is { Count: 1 } columns)
        {
            FollowColumnList(columns[0], model, token, 0);
        }

        if (call.Name == EngineName && call.Method.TypeArguments.Length > 0)
        {
            // A prediction engine's input type is only a fallback: the class's own loader (a generic loader
            // or its TextLoader.Column list) says what the data holds.
            EngineInputType ??= call.Method.TypeArguments[0];
        }
        else if (LoaderNames.Contains(call.Name) && call.Method.TypeArguments.Length > 0 && InputType is null)
        {
            InputType = call.Method.TypeArguments[0];
        }

        if (call.HasParameter("featureColumnName"))
        {
            Trainers.Add(call);
            AddIfKnown(FeatureColumns, call.StringArgument("featureColumnName", model, token));
            SetLabel(call.ArgumentsOf("labelColumnName") is { Count: > 0 } ? call.StringArgument("labelColumnName", model, token) : null);
            return;
        }

        if (OptionsOf(call) is { } options)
        {
            // A trainer configured by an options object: its LabelColumnName / FeatureColumnName, when constant.
            Trainers.Add(call);
            foreach (var (name, value) in OptionValues(options, model, token))
            {
                if (name == "FeatureColumnName")
                {
                    AddIfKnown(FeatureColumns, value);
                }
                else if (name == "LabelColumnName")
                {
                    SetLabel(value);
                }
            }

            return;
        }

        if (call.HasParameter("outputColumnName") && call.HasParameter("inputColumnName")
            && call.StringArgument("outputColumnName", model, token) is { } mappedOutput)
        {
            var inputArgument = call.ArgumentsOf("inputColumnName");
            var input = call.StringArgument("inputColumnName", model, token) ?? mappedOutput;
            SyntaxNode node = inputArgument is { Count: 1 } ? inputArgument[0] : call.Syntax;
            Mappings.Add((mappedOutput, new NamedColumn(input, node)));
            if (string.Equals(input, mappedOutput, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var argument in (call.ArgumentsOf("outputColumnName") ?? new List<ExpressionSyntax>()).Concat(inputArgument ?? new List<ExpressionSyntax>()))
                {
                    InPlaceTransforms.Add((mappedOutput, argument.Span));
                }
            }
        }
        else if (call.ArgumentsOf("columns") is { Count: 1 } pairs)
        {
            ReadInPlacePairs(pairs[0], model, token);
        }
    }

    private const string EngineName = "CreatePredictionEngine";

    private bool _explicitLabel;

    /// <summary>The input type of a <c>CreatePredictionEngine&lt;T, …&gt;</c> call: used only when no loader says more.</summary>
    public ITypeSymbol? EngineInputType { get; private set; }

    /// <summary>A trainer that names its label replaces the default "Label" (unless another trainer keeps it).</summary>
    private void SetLabel(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            return;
        }

        if (!_explicitLabel && Trainers.Count == 1)
        {
            LabelColumns.Clear();
        }

        _explicitLabel = true;
        LabelColumns.Add(label!);
    }

    private void ReadInputFromContainingType(SyntaxNode block, SemanticModel model, Model.FairnessCompilationContext context, CancellationToken token)
    {
        var type = block.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return;
        }

        var input = context.PerClass(type, () => ClassInput.Read(type, model, token));
        if (input.InputType is not null)
        {
            InputType = input.InputType;
            return;
        }

        LoaderColumns.AddRange(input.LoaderColumns);
        EngineInputType ??= input.EngineInputType;
    }

    /// <summary>
    /// What a class's own code says its model input is, read once per class and cached (issue 14.5: a class
    /// with hundreds of pipelines is walked once, not once per pipeline): the first generic loader's type
    /// argument, else its <c>TextLoader.Column</c> list, with a prediction engine's type as a fallback.
    /// </summary>
    internal sealed class ClassInput
    {
        public ITypeSymbol? InputType { get; private set; }

        public ITypeSymbol? EngineInputType { get; private set; }

        public List<NamedColumn> LoaderColumns { get; } = new();

        public static ClassInput Read(TypeDeclarationSyntax type, SemanticModel model, CancellationToken token)
        {
            var result = new ClassInput();
            foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (BlockScan.NameOf(invocation) is { } name && LoaderNames.Contains(name)
                    && MlNetCall.Bind(invocation, model, token) is { Method.TypeArguments.Length: > 0 } call)
                {
                    if (name == EngineName)
                    {
                        result.EngineInputType ??= call.Method.TypeArguments[0];
                        continue;
                    }

                    result.InputType = call.Method.TypeArguments[0];
                    return result;
                }
            }

            var reader = new MlNetPipeline();
            reader.ReadLoaderColumns(type.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Cast<ExpressionSyntax>(), model, token);
            result.LoaderColumns.AddRange(reader.LoaderColumns);
            return result;
        }
    }

    private static void AddIfKnown(HashSet<string> set, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            set.Add(value!);
        }
    }
}
