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
internal static class InferredModelInput
{
    public static ITypeSymbol? Find(MlNetPipeline pipeline, FairnessCompilationContext context, NameMatchers names)
    {
        if (pipeline.Trainers.Count == 0 || ReadColumns(pipeline) is not { Count: > 0 } read)
        {
            return null;
        }

        ITypeSymbol? chosen = null;
        foreach (var candidate in context.ModelInputCandidates)
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
