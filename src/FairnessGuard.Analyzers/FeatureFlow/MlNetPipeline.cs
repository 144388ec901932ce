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
internal sealed class MlNetPipeline
{
    private static readonly HashSet<string> LoaderNames = new(StringComparer.Ordinal)
    {
        "LoadFromTextFile", "LoadFromEnumerable", "CreatePredictionEngine", "CreateTextLoader", "LoadFromBinary",
    };

    public List<(MlNetCall Call, string Output, List<NamedColumn>? Inputs)> Concatenations { get; } = new();

    public List<(MlNetCall Call, List<NamedColumn> Columns)> Drops { get; } = new();

    public List<(MlNetCall Call, List<NamedColumn>? Columns)> Selections { get; } = new();

    public List<MlNetCall> Trainers { get; } = new();

    public HashSet<string> FeatureColumns { get; } = new(StringComparer.OrdinalIgnoreCase) { "Features" };

    public HashSet<string> LabelColumns { get; } = new(StringComparer.OrdinalIgnoreCase) { "Label" };

    /// <summary>Column transforms <c>(output ← input)</c>, e.g. <c>OneHotEncoding("GenderKey", "Gender")</c>.</summary>
    public List<(string Output, NamedColumn Input)> Mappings { get; } = new();

    public ITypeSymbol? InputType { get; set; }

    public List<NamedColumn> LoaderColumns { get; } = new();

    public bool IsModelPath => Trainers.Count > 0 || Concatenations.Any(c => FeatureColumns.Contains(c.Output));

    public static MlNetPipeline Read(BlockScan scan, SemanticModel model, CancellationToken token)
    {
        var pipeline = new MlNetPipeline();
        foreach (var invocation in scan.Invocations)
        {
            if (MlNetCall.Bind(invocation, model, token) is { } call)
            {
                pipeline.Add(call, model, token);
            }
        }

        pipeline.ReadLoaderColumns(scan.FeatureCandidates, model, token);
        if (pipeline.InputType is null && pipeline.LoaderColumns.Count == 0)
        {
            pipeline.ReadInputFromContainingType(scan.Block, model, token);
        }

        return pipeline;
    }

    private void Add(MlNetCall call, SemanticModel model, CancellationToken token)
    {
        switch (call.Name)
        {
            case "Concatenate" when call.StringArgument("outputColumnName", model, token) is { } output:
                var inputs = call.ArgumentsOf("inputColumnNames");
                Concatenations.Add((call, output, inputs is null ? null : StringConstants.Resolve(inputs, model, token)));
                return;
            case "DropColumns":
                Drops.Add((call, StringConstants.Resolve(call.ArgumentsOf("columnNames") ?? new List<ExpressionSyntax>(), model, token) ?? new List<NamedColumn>()));
                return;
            case "SelectColumns":
                var kept = call.ArgumentsOf("columnNames");
                Selections.Add((call, kept is null ? null : StringConstants.Resolve(kept, model, token)));
                return;
        }

        if (LoaderNames.Contains(call.Name) && call.Method.TypeArguments.Length > 0 && InputType is null)
        {
            InputType = call.Method.TypeArguments[0];
        }

        if (call.HasParameter("featureColumnName"))
        {
            Trainers.Add(call);
            AddIfKnown(FeatureColumns, call.StringArgument("featureColumnName", model, token));
            AddIfKnown(LabelColumns, call.StringArgument("labelColumnName", model, token));
            return;
        }

        if (call.HasParameter("outputColumnName") && call.HasParameter("inputColumnName")
            && call.StringArgument("outputColumnName", model, token) is { } mappedOutput)
        {
            var inputArgument = call.ArgumentsOf("inputColumnName");
            var input = call.StringArgument("inputColumnName", model, token) ?? mappedOutput;
            SyntaxNode node = inputArgument is { Count: 1 } ? inputArgument[0] : call.Syntax;
            Mappings.Add((mappedOutput, new NamedColumn(input, node)));
        }
    }

    private void ReadLoaderColumns(IEnumerable<ExpressionSyntax> creations, SemanticModel model, CancellationToken token)
    {
        foreach (var creation in creations)
        {
            if (creation is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } objectCreation
                || (creation is ObjectCreationExpressionSyntax explicitCreation && !explicitCreation.Type.ToString().EndsWith("Column", StringComparison.Ordinal)))
            {
                continue;
            }

            if (model.GetTypeInfo(creation, token).Type is INamedTypeSymbol { Name: "Column", ContainingType.Name: "TextLoader" } type
                && MlNetCall.IsMlNet(type)
                && model.GetConstantValue(objectCreation.ArgumentList!.Arguments[0].Expression, token) is { HasValue: true, Value: string name })
            {
                LoaderColumns.Add(new NamedColumn(name, objectCreation));
            }
        }
    }

    private void ReadInputFromContainingType(SyntaxNode block, SemanticModel model, CancellationToken token)
    {
        var type = block.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return;
        }

        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (BlockScan.NameOf(invocation) is { } name && LoaderNames.Contains(name)
                && MlNetCall.Bind(invocation, model, token) is { Method.TypeArguments.Length: > 0 } call)
            {
                InputType = call.Method.TypeArguments[0];
                return;
            }
        }

        var creations = type.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Cast<ExpressionSyntax>();
        ReadLoaderColumns(creations, model, token);
    }

    private static void AddIfKnown(HashSet<string> set, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            set.Add(value!);
        }
    }
}
