using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// The conditions that decide whether an assignment to an accumulated score runs (<c>if (a.Income &gt; 50000) score += 20;</c>,
/// a <c>switch</c> section, a loop): they are read to compute the score as much as the assigned values are, so the entity
/// members they read are the score's features. A condition that calls anything but a plain computation may depend on
/// what the rule cannot read (a bureau, a model), so the score is not one it can vouch for.
/// </summary>
internal static class ScoreConditions
{
    /// <summary>Adds the guards of <paramref name="assignment"/> up to <paramref name="body"/>; false when one cannot be vouched for.</summary>
    public static bool AddGuards(SyntaxNode assignment, BlockSyntax body, List<SyntaxNode> parts, System.Func<InvocationExpressionSyntax, bool> isComputation)
    {
        for (var node = assignment; node.Parent is { } parent && node != body; node = parent)
        {
            switch (parent)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    // Written from a lambda or a local function: when, and how often, it runs is not known here.
                    return false;
                case IfStatementSyntax branch when branch.Condition != node:
                    if (!Add(branch.Condition, parts, isComputation))
                    {
                        return false;
                    }

                    break;
                case SwitchSectionSyntax section when section.Statements.Contains(node):
                    foreach (var label in section.Labels)
                    {
                        if (!Add(label, parts, isComputation))
                        {
                            return false;
                        }
                    }

                    break;
                default:
                    // A statement's condition (not the statement it guards): a switch's value, a loop's condition or collection.
                    var condition = parent switch
                    {
                        SwitchStatementSyntax choice => choice.Expression,
                        WhileStatementSyntax loop => loop.Condition,
                        DoStatementSyntax loop => loop.Condition,
                        ForEachStatementSyntax loop => loop.Expression,
                        ForStatementSyntax loop => loop.Condition,
                        _ => null,
                    };
                    if (condition is not null && condition != node && !Add(condition, parts, isComputation))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool Add(SyntaxNode guard, List<SyntaxNode> parts, System.Func<InvocationExpressionSyntax, bool> isComputation)
    {
        if (guard.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax call && !isComputation(call)
            || n is BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax or AnonymousFunctionExpressionSyntax))
        {
            return false;
        }

        if (!parts.Contains(guard))
        {
            parts.Add(guard);
        }

        return true;
    }
}
