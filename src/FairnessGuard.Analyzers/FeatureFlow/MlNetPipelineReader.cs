using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 1, ML.NET: a sensitive column of the model input left out of <c>Concatenate("Features", …)</c>,
/// removed by <c>DropColumns</c>, not kept by <c>SelectColumns</c>, or hidden by <c>[NoColumn]</c>, in a
/// pipeline that trains a model. A column read anywhere else in the block (a transform input, the label,
/// a lambda) counts as used: the reader stays silent rather than guess.
/// </summary>
internal static partial class MlNetPipelineReader
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
        // What the block uses is only asked about a sensitive column (most pipelines have none): built on the first question.
        List<TextSpan>? notUses = null;
        HashSet<string>? referenced = null;
        List<TextSpan> NotUsesOf() => notUses ??= NotUses(pipeline, scan.Block.SyntaxTree, model, token);
        HashSet<string> Referenced() => referenced ??= scan.NamesReferencedOutside(NotUsesOf());
        var dropped = new List<FeatureFinding>();
        var inputName = pipeline.InputType is { } input ? $"the model input '{input.Name}'" : "the loaded columns";

        foreach (var (call, columns) in pipeline.Drops)
        {
            foreach (var column in columns)
            {
                var known = Find(available, column.Name);
                var sensitive = known?.IsSensitive ?? names.IsSensitive(column.Name);
                if (sensitive && !Referenced().Contains(column.Name) && !(known is not null && Referenced().Contains(known.MemberName)))
                {
                    var on = known is null ? "the data view" : inputName;
                    AddDropped(dropped, column.Node.GetLocation(), known, column.Name, on, "removed by DropColumns before the trainer", pipeline.InputType);
                }
            }
        }

        var featureConcats = new List<(MlNetCall Call, string Output, List<NamedColumn>? Inputs)>();
        foreach (var concat in pipeline.Concatenations)
        {
            if (pipeline.FeatureColumns.Contains(concat.Output))
            {
                featureConcats.Add(concat);
            }
        }

        foreach (var column in available)
        {
            if (!column.IsSensitive || pipeline.LabelColumns.Contains(column.Name))
            {
                continue;
            }

            if (column.NoColumn)
            {
                var at = featureConcats.Count > 0 ? featureConcats[0].Call.Syntax : pipeline.Trainers[0].Syntax;
                AddDropped(dropped, at.GetLocation(), column, column.Name, inputName, $"kept out of the data by [NoColumn] on '{column.MemberName}'", pipeline.InputType);
                continue;
            }

            if ((Referenced().Contains(column.Name) || Referenced().Contains(column.MemberName))
                && (ReadAsValue(scan, NotUsesOf(), column.Name, model, token) || ReadAsValue(scan, NotUsesOf(), column.MemberName, model, token)))
            {
                continue;
            }

            foreach (var (call, kept) in pipeline.Selections)
            {
                if (kept is not null && !Names(kept, column.Name, null))
                {
                    AddDropped(dropped, call.Syntax.GetLocation(), column, column.Name, inputName, "not kept by SelectColumns", pipeline.InputType);
                }
            }

            foreach (var (call, output, inputs) in featureConcats)
            {
                // The resolved list (a field's constant names, followed back through one-to-one transforms) is
                // what decides, not the names written in the block.
                if (inputs is not null && !Names(Expand(pipeline, inputs), column.Name, column.MemberName) && !Names(inputs, column.Name, column.MemberName))
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
            finding.GroupColumn = Find(available, finding.MemberName)?.Name ?? WithMemberName(available, finding.MemberName)?.Name ?? finding.MemberName;
        }

        findings.AddRange(dropped);
        ReadFeatures(pipeline, featureConcats, available, names, dropped, findings);
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
        var inputs = new List<NamedColumn>();
        foreach (var concat in concats)
        {
            if (concat.Inputs is not null)
            {
                inputs.AddRange(concat.Inputs);
            }
        }

        foreach (var feature in Expand(pipeline, inputs))
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

    private static void AddDropped(List<FeatureFinding> dropped, Location location, Column? column, string name, string availableOn, string how, ITypeSymbol? inputType)
    {
        foreach (var existing in dropped)
        {
            if (string.Equals(existing.MemberName, column?.MemberName ?? name, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        var attribute = column?.Display ?? name;
        dropped.Add(new FeatureFinding(FindingKind.Dropped, location, attribute, availableOn, how, column?.Member is null ? null : inputType, column?.MemberName ?? name));
    }
}
