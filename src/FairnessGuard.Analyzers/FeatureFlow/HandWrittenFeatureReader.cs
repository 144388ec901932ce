using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 2, hand-written features: an array, collection, dictionary, vector or DTO built from at least two
/// members of one entity that has sensitive members, none of which the code block reads, and whose value
/// reaches a prediction (or is returned by a feature builder or a scoring method). Collections filled one
/// statement at a time are the <see cref="AppendedFeatureReader"/>'s; both report an entity once per block.
/// </summary>
internal static class HandWrittenFeatureReader
{
    /// <summary>Reads the block; <paramref name="scoring"/> and <paramref name="score"/> are the caller's <see cref="IsScoring"/> and <see cref="ReturnedScore.Find"/>.</summary>
    public static void Read(BlockScan scan, SemanticModel model, ISymbol? owner, bool scoring, ReturnedScore? score, FairnessCompilationContext context, NameMatchers names, List<FeatureFinding> findings, CancellationToken token)
    {
        var ownerName = owner?.Name ?? string.Empty;
        var builder = names.IsFeatureBuilderName(ownerName);
        if (scan.PredictionCalls.Count == 0 && !scoring && !builder)
        {
            return;
        }

        var flow = new PredictionFlow(scan, returnCounts: scoring || builder, anyUseCounts: scoring);
        var entities = new EntityReads(scan, model, owner as IMethodSymbol, context, names, token);
        var candidates = new HashSet<SyntaxNode>(scan.FeatureCandidates);
        foreach (var candidate in scan.FeatureCandidates)
        {
            // Only the outermost creation: an inner one is part of the same feature set.
            if (InsideAnother(candidate, scan.Block, candidates))
            {
                continue;
            }

            entities.ReportDropped(candidate, new[] { candidate }, () => flow.Reaches(candidate), findings);
        }

        // A score computed as arithmetic on the entity's members (0.3 * a.Income - 0.2 * a.Debt) is a
        // hand-written model whose features are the members it reads.
        if (score is { } returned && !candidates.Any(c => returned.Parts.Any(p => p.Span.Contains(c.Span))))
        {
            entities.ReportDropped(returned.Location, returned.Parts, () => true, findings);
        }

        AppendedFeatureReader.Read(scan, entities, flow, scoring, findings);
    }

    private static bool InsideAnother(SyntaxNode candidate, SyntaxNode block, HashSet<SyntaxNode> candidates)
    {
        for (var current = candidate.Parent; current is not null && current != block; current = current.Parent)
        {
            if (candidates.Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A scoring method: named as one (<c>Score</c>, <c>PredictRisk</c>), or a calculation verb (<c>Calculate</c>,
    /// <c>Compute</c>, <c>Evaluate</c>, <c>Assess</c>) on a type named as a scorer (<c>CreditScoringService</c>), and
    /// returning one value.
    /// </summary>
    public static bool IsScoring(ISymbol? owner, NameMatchers names)
    {
        // The names first (memoised): the return type's interfaces are only read for a method named as a scorer.
        if (owner is not IMethodSymbol method
            || !(names.IsPredictionName(method.Name) || (method.ContainingType is { } type && ModelCodeBlocks.IsScoringServiceMethod(method.Name, type.Name, names))))
        {
            return false;
        }

        return ReturnsOneScore(method);
    }

    /// <summary>A scoring method returns one value (a score, a decision, a prediction object), not a table.</summary>
    private static bool ReturnsOneScore(ISymbol? owner)
    {
        var type = (owner as IMethodSymbol)?.ReturnType;
        if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            type = task.TypeArguments[0];
        }

        return type is not null && type.SpecialType != SpecialType.System_Void && type.SpecialType != SpecialType.System_String
            && type is not IArrayTypeSymbol && !type.AllInterfaces.Any(i => i.Name == "IEnumerable");
    }
}
