using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 1, ML.NET: a sensitive column of the model input left out of <c>Concatenate("Features", …)</c>,
/// removed by <c>DropColumns</c>, not kept by <c>SelectColumns</c>, or hidden by <c>[NoColumn]</c>, in a
/// pipeline that trains a model. A column read anywhere else in the block (a transform input, the label,
/// a lambda) counts as used: the reader stays silent rather than guess.
/// </summary>
internal static class MlNetPipelineReader
{
    public static void Read(BlockScan scan, SemanticModel model, FairnessCompilationContext context, NameMatchers names, List<FeatureFinding> findings, CancellationToken token)
    {
        if (HasFairnessEstimator(scan, model, token))
        {
            // The pipeline carries an output constraint (FairnessGuard.ML's DemographicParity) or the fair
            // linear model's projection: the attribute is used where it should be, nothing to report.
            return;
        }

        var pipeline = MlNetPipeline.Read(scan, model, context, token);
        if (!pipeline.IsModelPath)
        {
            return;
        }

        var certain = true;
        if (pipeline.InputType is null && pipeline.LoaderColumns.Count == 0)
        {
            // An input inferred from the compilation's candidates is a guess, reported as Info, unless it is
            // the one type the project loads its data as.
            pipeline.InputType = InferredModelInput.Find(pipeline, context, names, out var sure);
            certain = pipeline.InputType is null || sure;
        }

        var available = AvailableColumns(pipeline, context, names);
        // A column's own declaration (a TextLoader.Column) and its removal are not uses of it.
        // A resolved feature list is checked by membership below: the names written in it (a filter's
        // `c != "Gender"`, an Except list) are not uses of a column.
        var resolvedFeatureLists = pipeline.Concatenations.Where(c => c.Inputs is not null && pipeline.FeatureColumns.Contains(c.Output))
            .SelectMany(c => new[] { c.Call.Syntax.ArgumentList.Span }.Concat(ListInitializers(c.Call.Syntax.ArgumentList, model, token)));
        // A column cleaned in place (imputed, normalized, converted: the output is the input) is not used by that:
        // it is a feature only if a resolved feature list names it (a trainer reading it directly keeps it used).
        var inPlace = pipeline.InPlaceTransforms.Where(t => !pipeline.FeatureColumns.Contains(t.Name)).Select(t => t.Span);
        var notUses = pipeline.Drops.Select(d => d.Call.Syntax.ArgumentList.Span).Concat(pipeline.LoaderColumns.Where(c => c.Node.SyntaxTree == scan.Block.SyntaxTree).Select(c => c.Node.Span)).Concat(resolvedFeatureLists).Concat(inPlace).ToList();
        var referenced = scan.NamesReferencedOutside(notUses);
        var dropped = new List<FeatureFinding>();
        var inputName = pipeline.InputType is { } input ? $"the model input '{input.Name}'" : "the loaded columns";

        foreach (var (call, columns) in pipeline.Drops)
        {
            foreach (var column in columns)
            {
                var known = Find(available, column.Name);
                var sensitive = known?.IsSensitive ?? names.IsSensitive(column.Name);
                if (sensitive && !referenced.Contains(column.Name) && !(known is not null && referenced.Contains(known.MemberName)))
                {
                    var on = known is null ? "the data view" : inputName;
                    AddDropped(dropped, column.Node.GetLocation(), known, column.Name, on, "removed by DropColumns before the trainer", pipeline.InputType);
                }
            }
        }

        var featureConcats = pipeline.Concatenations.Where(c => pipeline.FeatureColumns.Contains(c.Output)).ToList();
        foreach (var column in available.Where(c => c.IsSensitive && !pipeline.LabelColumns.Contains(c.Name)))
        {
            if (column.NoColumn)
            {
                var at = featureConcats.Count > 0 ? featureConcats[0].Call.Syntax : pipeline.Trainers[0].Syntax;
                AddDropped(dropped, at.GetLocation(), column, column.Name, inputName, $"kept out of the data by [NoColumn] on '{column.MemberName}'", pipeline.InputType);
                continue;
            }

            if ((referenced.Contains(column.Name) || referenced.Contains(column.MemberName))
                && (ReadAsValue(scan, notUses, column.Name, model, token) || ReadAsValue(scan, notUses, column.MemberName, model, token)))
            {
                continue;
            }

            foreach (var (call, kept) in pipeline.Selections)
            {
                if (kept is not null && !kept.Any(k => string.Equals(k.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    AddDropped(dropped, call.Syntax.GetLocation(), column, column.Name, inputName, "not kept by SelectColumns", pipeline.InputType);
                }
            }

            foreach (var (call, output, inputs) in featureConcats)
            {
                // The resolved list (a field's constant names, followed back through one-to-one transforms) is
                // what decides, not the names written in the block.
                if (inputs is not null && !Expand(pipeline, inputs).Concat(inputs).Any(i => string.Equals(i.Name, column.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Name, column.MemberName, StringComparison.OrdinalIgnoreCase)))
                {
                    AddDropped(dropped, call.Syntax.GetLocation(), column, column.Name, inputName, $"left out of Concatenate(\"{output}\", …)", pipeline.InputType);
                }
            }
        }

        // The estimator appended after the trainer reads the group column at prediction time: only a column
        // that is still in the data (left out of the features, not dropped, selected away or [NoColumn]) can be one.
        var trainer = pipeline.Trainers.Count == 1 && pipeline.Drops.Count == 0 && pipeline.Selections.Count == 0 ? pipeline.Trainers[0].Syntax : null;
        foreach (var finding in dropped)
        {
            finding.FromPipeline = true;
            finding.RemovedFromData = finding.How.IndexOf("[NoColumn]", StringComparison.Ordinal) >= 0
                || finding.How.StartsWith("removed by DropColumns", StringComparison.Ordinal)
                || finding.How.StartsWith("not kept by SelectColumns", StringComparison.Ordinal);
            finding.Trainer = finding.RemovedFromData ? null : trainer;
            finding.Certain = certain;
            finding.GroupColumn = Find(available, finding.MemberName)?.Name ?? available.FirstOrDefault(c => string.Equals(c.MemberName, finding.MemberName, StringComparison.Ordinal))?.Name ?? finding.MemberName;
        }

        findings.AddRange(dropped);
        ReadFeatures(pipeline, featureConcats, available, names, dropped, findings);
    }

    /// <summary>
    /// Whether the name is written in the block (outside <paramref name="notUses"/>) as anything but a type: an enum named
    /// like the column (<c>Sexo = Sexo.Masculino</c> in the training rows) is no use of the column. Bound only for a
    /// sensitive column the block names, so rarely.
    /// </summary>
    private static bool ReadAsValue(BlockScan scan, List<TextSpan> notUses, string name, SemanticModel model, CancellationToken token)
    {
        bool Outside(TextSpan span) => !notUses.Any(n => n.Contains(span));
        return scan.Literals.Any(l => string.Equals(l.Token.ValueText, name, StringComparison.OrdinalIgnoreCase) && Outside(l.Span))
            || scan.Identifiers.Any(i => string.Equals(i.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase) && !BlockScan.IsInitializerTarget(i)
                && Outside(i.Span) && model.GetSymbolInfo(i, token).Symbol is not (ITypeSymbol or INamespaceSymbol));
    }

    /// <summary>The type of FairnessGuard.ML's ML.NET catalog extensions (the contract with that package).</summary>
    internal const string FairnessCatalogExtensions = "FairnessGuard.ML.FairnessCatalogExtensions";

    /// <summary>
    /// True when the block calls FairnessGuard.ML's <c>DemographicParity</c> or <c>FairLinearProjection</c>
    /// (recognised by the containing type's full name and the method name; the name is checked first).
    /// </summary>
    internal static bool HasFairnessEstimator(BlockScan scan, SemanticModel model, CancellationToken token)
    {
        foreach (var invocation in scan.Invocations)
        {
            if (BlockScan.NameOf(invocation) is "DemographicParity" or "FairLinearProjection"
                && model.GetSymbolInfo(invocation, token) is var info
                && (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol method
                && (method.ReducedFrom ?? method).ContainingType?.ToDisplayString() == FairnessCatalogExtensions)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadFeatures(MlNetPipeline pipeline, List<(MlNetCall Call, string Output, List<NamedColumn>? Inputs)> concats, List<Column> available, NameMatchers names, List<FeatureFinding> dropped, List<FeatureFinding> findings)
    {
        var seen = new HashSet<SyntaxNode>();
        foreach (var feature in Expand(pipeline, concats.Where(c => c.Inputs is not null).SelectMany(c => c.Inputs!)))
        {
            if (!seen.Add(feature.Node))
            {
                continue;
            }

            var known = Find(available, feature.Name);
            var attribute = known?.Display ?? feature.Name;
            if (known?.IsSensitive ?? names.IsSensitive(feature.Name))
            {
                findings.Add(new FeatureFinding(FindingKind.UsedDirectly, feature.Node.GetLocation(), attribute, "the model input", "used as a feature", pipeline.InputType, known?.MemberName ?? feature.Name));
            }
            else if (dropped.Count > 0 && (known?.IsProxy ?? names.IsProxy(feature.Name)))
            {
                findings.Add(new FeatureFinding(FindingKind.ProxyKept, feature.Node.GetLocation(), attribute, "the model input", "kept as a feature", pipeline.InputType, known?.MemberName ?? feature.Name)
                {
                    DroppedAttribute = dropped[0].Attribute,
                    DroppedFinding = dropped[0],
                });
            }
        }
    }

    /// <summary>The feature columns, followed back through one-to-one transforms to the columns they read.</summary>
    internal static IEnumerable<NamedColumn> Expand(MlNetPipeline pipeline, IEnumerable<NamedColumn> features)
    {
        var queue = new Queue<(NamedColumn Column, int Depth)>(features.Select(f => (f, 0)));
        while (queue.Count > 0)
        {
            var (column, depth) = queue.Dequeue();
            var mapped = pipeline.Mappings.Where(m => string.Equals(m.Output, column.Name, StringComparison.OrdinalIgnoreCase) && !string.Equals(m.Input.Name, m.Output, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mapped.Count == 0 || depth > 4)
            {
                yield return column;
                continue;
            }

            foreach (var (_, input) in mapped)
            {
                queue.Enqueue((input, depth + 1));
            }
        }
    }

    private static void AddDropped(List<FeatureFinding> dropped, Location location, Column? column, string name, string availableOn, string how, ITypeSymbol? inputType)
    {
        if (dropped.Any(d => string.Equals(d.MemberName, column?.MemberName ?? name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var attribute = column?.Display ?? name;
        dropped.Add(new FeatureFinding(FindingKind.Dropped, location, attribute, availableOn, how, column?.Member is null ? null : inputType, column?.MemberName ?? name));
    }

    private static Column? Find(List<Column> columns, string name) =>
        columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<Column> AvailableColumns(MlNetPipeline pipeline, FairnessCompilationContext context, NameMatchers names)
    {
        var columns = new List<Column>();
        if (pipeline.InputType is { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            foreach (var member in context.ProfileOf(type, names).Members)
            {
                columns.Add(new Column(member.ColumnName, member, member.IsSensitive, member.IsProxy, member.HasNoColumn, $"{type.Name}.{member.Name}"));
            }
        }

        foreach (var loaded in pipeline.LoaderColumns)
        {
            columns.Add(new Column(loaded.Name, null, names.IsSensitive(loaded.Name), names.IsProxy(loaded.Name), false, loaded.Name));
        }

        return columns;
    }

    private sealed class Column
    {
        public Column(string name, MemberProfile? member, bool isSensitive, bool isProxy, bool noColumn, string display)
        {
            Name = name;
            Member = member;
            IsSensitive = isSensitive;
            IsProxy = isProxy;
            NoColumn = noColumn;
            Display = display;
        }

        public string Name { get; }

        public MemberProfile? Member { get; }

        public string MemberName => Member?.Name ?? Name;

        public bool IsSensitive { get; }

        public bool IsProxy { get; }

        public bool NoColumn { get; }

        public string Display { get; }
    }

    /// <summary>
    /// The initializers of the locals and fields a resolved feature list names (<c>var features = all.Where(n =&gt; n != "Gender")</c>):
    /// the names written there build the list, they are not uses of a column.
    /// </summary>
    private static IEnumerable<TextSpan> ListInitializers(ArgumentListSyntax arguments, SemanticModel model, CancellationToken token)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax name
                && model.GetSymbolInfo(name, token).Symbol is ILocalSymbol or IFieldSymbol { IsReadOnly: true }
                && model.GetSymbolInfo(name, token).Symbol!.DeclaringSyntaxReferences is { Length: 1 } references
                && references[0].GetSyntax(token) is VariableDeclaratorSyntax { Initializer: { } initializer }
                && initializer.SyntaxTree == arguments.SyntaxTree)
            {
                yield return initializer.Span;
            }
        }
    }
}
