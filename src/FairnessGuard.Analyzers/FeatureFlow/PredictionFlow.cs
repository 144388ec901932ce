using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Follows a value through the code block, by syntax only, to see whether it reaches a prediction call
/// (<c>Predict</c>, <c>Score</c>, <c>Forward</c>, <c>Fit</c>, …): directly as an argument or receiver, through
/// locals it initialises or is assigned to, and through the results of calls that wrap it (a tensor, a
/// vector). With <c>returnCounts</c>, a value returned from the block counts too (a feature builder or a
/// scoring method).
/// </summary>
internal sealed class PredictionFlow
{
    private const int MaxSteps = 64;
    private readonly BlockScan _scan;
    private readonly HashSet<InvocationExpressionSyntax> _sinks;
    private readonly bool _returnCounts;
    private readonly bool _anyUseCounts;

    public PredictionFlow(BlockScan scan, bool returnCounts, bool anyUseCounts)
    {
        _scan = scan;
        _sinks = new HashSet<InvocationExpressionSyntax>(scan.PredictionCalls);
        _returnCounts = returnCounts;
        _anyUseCounts = anyUseCounts;
    }

    private PredictionFlow(BlockScan scan, HashSet<InvocationExpressionSyntax> sinks, bool returnCounts)
    {
        _scan = scan;
        _sinks = sinks;
        _returnCounts = returnCounts;
        _anyUseCounts = false;
    }

    /// <summary>Whether the value of <paramref name="value"/> reaches a prediction.</summary>
    public bool Reaches(ExpressionSyntax value) => Reaches(value, 0, new HashSet<string>());

    /// <summary>
    /// Whether the value reaches a prediction (or a return, where returns count) through the flow itself: in a scoring
    /// method any use of a local would count, which says nothing of where an object wrapping the value goes.
    /// </summary>
    public bool ReachesThroughFlow(ExpressionSyntax value) => new PredictionFlow(_scan, _sinks, _returnCounts).Reaches(value);

    /// <summary>Whether the variable named <paramref name="name"/>, used after <paramref name="after"/>, reaches a prediction.</summary>
    public bool VariableReaches(string name, int after) => VariableReaches(name, after, 0, new HashSet<string>());

    private bool Reaches(SyntaxNode value, int steps, HashSet<string> visited)
    {
        var node = value;
        while (steps++ < MaxSteps && node.Parent is { } parent)
        {
            switch (parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } }:
                    if (call is InvocationExpressionSyntax invocation && _sinks.Contains(invocation))
                    {
                        return true;
                    }

                    if (call is not ExpressionSyntax callExpression)
                    {
                        return false;
                    }

                    node = callExpression;
                    continue;
                case MemberAccessExpressionSyntax access when access.Expression == node:
                    if (access.Parent is InvocationExpressionSyntax receiverCall && _sinks.Contains(receiverCall))
                    {
                        return true;
                    }

                    node = access.Parent is InvocationExpressionSyntax wrapped ? wrapped : access;
                    continue;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return VariableReaches(declarator.Identifier.ValueText, declarator.Span.End, steps, visited);
                case AssignmentExpressionSyntax assignment when assignment.Right == node:
                    return RootName(assignment.Left) is { } target && VariableReaches(target, assignment.Span.End, steps, visited);
                case ReturnStatementSyntax:
                case ArrowExpressionClauseSyntax:
                    return _returnCounts;
                case ExpressionSyntax expression:
                    node = expression;
                    continue;
                case InitializerExpressionSyntax or ExpressionElementSyntax or AnonymousObjectMemberDeclaratorSyntax:
                    node = parent;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private bool VariableReaches(string name, int after, int steps, HashSet<string> visited)
    {
        if (!visited.Add(name))
        {
            return false;
        }

        var uses = _scan.Identifiers.Where(i => i.Identifier.ValueText == name && i.SpanStart >= after).ToList();
        if (_anyUseCounts && uses.Any(use => !IsDiscardedArgument(use)))
        {
            return true;
        }

        return uses.Any(use => Reaches(use, steps, visited));
    }

    /// <summary>
    /// Handed to a call whose result is thrown away (<c>log.Write(features);</c>) that is not a prediction: that use
    /// alone does not make the value the score, even in a scoring method where any other use counts.
    /// </summary>
    private bool IsDiscardedArgument(IdentifierNameSyntax use)
    {
        if (use.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } || _sinks.Contains(call))
        {
            return false;
        }

        SyntaxNode statement = call.Parent is AwaitExpressionSyntax awaited ? awaited : call;
        return statement.Parent is ExpressionStatementSyntax;
    }

    /// <summary>The leftmost simple name of <c>a.b.c</c>: the variable a member chain starts from.</summary>
    public static string? RootName(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression;
                    continue;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    continue;
                default:
                    return null;
            }
        }
    }
}
