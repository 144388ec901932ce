using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>What a returned score is read through and what keeps it from being vouched for.</summary>
internal readonly partial struct ReturnedScore
{
    /// <summary>
    /// The score under a cast or a rounding or clamping <c>Math</c> call (<c>(int)Math.Clamp(400 + ratio * 400, 400, 850)</c>,
    /// <c>Math.Round(score, 2)</c>, <c>Math.Max(0.01, Math.Min(0.99, p))</c>): the one argument that is not a number, or
    /// among several names the one that is the method's accumulated score. These change the score's values, not which
    /// members it reads.
    /// </summary>
    private static ExpressionSyntax? WithoutRounding(MethodDeclarationSyntax method, ExpressionSyntax? returned)
    {
        for (var depth = 0; depth < 8 && returned is not null; depth++)
        {
            if (returned is CastExpressionSyntax cast)
            {
                returned = Unwrap(cast.Expression);
                continue;
            }

            if (returned is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } call || !IsRoundingCall(call)
                || ScoreArgument(method, call.ArgumentList.Arguments) is not { } inner)
            {
                break;
            }

            returned = inner;
        }

        return returned;
    }

    private static bool IsRoundingCall(InvocationExpressionSyntax call) =>
        ScoreHelpers.IsMathCall(call) && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Round" or "Clamp" or "Max" or "Min" };

    private static ExpressionSyntax? ScoreArgument(MethodDeclarationSyntax method, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        var candidates = arguments.Select(a => Unwrap(a.Expression)).Where(e => e is not null && !IsNumber(e)).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var scores = method.Body is { } body
            ? candidates.Where(c => c is IdentifierNameSyntax name && LocalScore(body, name.Identifier.ValueText) is not null).ToList()
            : new List<ExpressionSyntax?>();
        return scores.Count == 1 ? scores[0] : null;
    }

    private static bool IsNumber(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } => operand.IsKind(SyntaxKind.NumericLiteralExpression),
        _ => false,
    };

    /// <summary>Whether the expression reads, directly or through other locals, a local assigned from an opaque call.</summary>
    private static bool ReadsOpaqueLocal(BlockSyntax body, ExpressionSyntax expression)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(expression);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            foreach (var name in pending.Pop().DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name || !seen.Add(name.Identifier.ValueText))
                {
                    continue;
                }

                foreach (var value in LocalValues(body, name.Identifier.ValueText))
                {
                    if (value.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax call && !IsComputation(call) || n is ObjectCreationExpressionSyntax or AwaitExpressionSyntax))
                    {
                        return true;
                    }

                    pending.Push(value);
                }
            }
        }

        return false;
    }

    private static IEnumerable<ExpressionSyntax> LocalValues(BlockSyntax body, string name)
    {
        foreach (var node in body.DescendantNodes())
        {
            var value = node switch
            {
                VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator when declarator.Identifier.ValueText == name => declarator.Initializer?.Value,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == name => assignment.Right,
                _ => null,
            };
            if (value is not null)
            {
                yield return value;
            }
        }
    }
}
