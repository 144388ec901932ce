using System;
using System.Collections.Generic;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// The model input of a pipeline whose data is loaded somewhere else (another class, another method): the
/// one candidate type of the compilation that has every column the pipeline reads. None, or several, and
/// the pipeline has no known input: the rule then stays silent rather than guess.
/// </summary>
/// <remarks>
/// The choice is certain (a warning may rest on it) only when that type is also the one
/// type the compilation loads data as (<see cref="ModelInputCandidateSet.SoleLoadedType"/>): every data loader
/// in source names it and nothing else is loaded, so the pipeline cannot be trained on other data from this
/// project. Otherwise (another type loaded too, an untyped or inferred load, a type only attributed or only
/// given to a prediction engine) it stays a guess, reported as Info.
/// </remarks>
internal static class InferredModelInput
{
    public static ITypeSymbol? Find(MlNetPipeline pipeline, FairnessCompilationContext context, NameMatchers names, out bool certain)
    {
        certain = false;
        if (pipeline.Trainers.Count == 0 || ReadColumns(pipeline) is not { Count: > 0 } read)
        {
            return null;
        }

        var candidates = context.ModelInputCandidates;
        ITypeSymbol? chosen = null;
        foreach (var candidate in candidates.Types)
        {
            if (!HasAll(context.ProfileOf(candidate, names), read))
            {
                continue;
            }

            if (chosen is not null && !SymbolEqualityComparer.Default.Equals(chosen, candidate))
            {
                return null;
            }

            chosen = candidate;
        }

        certain = chosen is not null && SymbolEqualityComparer.Default.Equals(chosen, candidates.SoleLoadedType);
        return chosen;
    }

    /// <summary>
    /// The columns the pipeline reads from its input: the feature concatenations' inputs and the labels,
    /// followed back through one-to-one transforms. Null when a feature list is not a constant.
    /// </summary>
    private static HashSet<string>? ReadColumns(MlNetPipeline pipeline)
    {
        var start = new List<NamedColumn>();
        var produced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        SyntaxNode? at = null;
        foreach (var (call, output, inputs) in pipeline.Concatenations)
        {
            produced.Add(output);
            if (pipeline.FeatureColumns.Contains(output))
            {
                if (inputs is null)
                {
                    return null;
                }

                start.AddRange(inputs);
                at = call.Syntax;
            }
        }

        if (at is null)
        {
            return null;
        }

        foreach (var label in pipeline.LabelColumns)
        {
            start.Add(new NamedColumn(label, at));
        }

        var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in MlNetPipelineReader.Expand(pipeline, start))
        {
            if (!produced.Contains(column.Name))
            {
                read.Add(column.Name);
            }
        }

        return read;
    }

    private static bool HasAll(TypeProfile profile, HashSet<string> columns)
    {
        foreach (var column in columns)
        {
            var found = false;
            foreach (var member in profile.Members)
            {
                if (!member.HasNoColumn && string.Equals(member.ColumnName, column, StringComparison.OrdinalIgnoreCase))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
