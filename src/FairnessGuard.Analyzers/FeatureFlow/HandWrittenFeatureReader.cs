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
    public static void Read(BlockScan scan, SemanticModel model, ISymbol? owner, FairnessCompilationContext context, NameMatchers names, List<FeatureFinding> findings, CancellationToken token)
    {
        var ownerName = owner?.Name ?? string.Empty;
        var scoring = names.IsPredictionName(ownerName) && ReturnsOneScore(owner);
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
            if (candidate.Ancestors().TakeWhile(a => a != scan.Block).Any(candidates.Contains))
            {
                continue;
            }

            entities.ReportDropped(candidate, new[] { candidate }, () => flow.Reaches(candidate), findings);
        }

        // A score computed as arithmetic on the entity's members (0.3 * a.Income - 0.2 * a.Debt) is a
        // hand-written model whose features are the members it reads.
        if (scoring && ReturnedArithmetic(scan.Block) is { } arithmetic && !candidates.Any(c => arithmetic.Span.Contains(c.Span)))
        {
            entities.ReportDropped(arithmetic, new[] { arithmetic }, () => true, findings);
        }

        AppendedFeatureReader.Read(scan, entities, flow, scoring, findings);
    }

    /// <summary>The arithmetic expression a method returns (its expression body or its one return statement), or null.</summary>
    public static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? ReturnedArithmetic(SyntaxNode block)
    {
        if (block is not Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method)
        {
            return null;
        }

        var returned = method.ExpressionBody?.Expression
            ?? (method.Body?.Statements is { Count: 1 } statements && statements[0] is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax { Expression: { } value } ? value : null);
        while (returned is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax parenthesized)
        {
            returned = parenthesized.Expression;
        }

        return returned is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary
            && (binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddExpression) || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SubtractExpression)
                || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiplyExpression) || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DivideExpression))
            ? returned
            : null;
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
