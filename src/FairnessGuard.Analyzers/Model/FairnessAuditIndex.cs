using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// A project's own fairness audit counts as an output constraint: a type that groups rows by a member
/// (<c>GroupBy(r => r.Gender)</c>) and compares the groups' rates against the four-fifths rule (a literal
/// 0.8, or a name such as <c>FourFifths</c>, <c>DisparateImpact</c>, <c>ParityRatio</c>). Read from syntax
/// only, once per compilation, in the types that call <c>GroupBy</c> (found by a text search, see
/// <see cref="SyntaxSearch"/>).
/// </summary>
internal static class FairnessAuditIndex
{
    private static readonly string[] AuditWords = { "fourfifths", "disparateimpact", "parityratio", "adverseimpact", "selectionrate", "impactratio" };

    private static readonly string[] GroupByName = { "GroupBy" };

    public static HashSet<string> AuditedMemberNames(Compilation compilation, CancellationToken token)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var hits = new List<SyntaxToken>();
        var grouped = new Dictionary<TypeDeclarationSyntax, List<string>>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            // Only the `GroupBy(r => r.Member)` calls found by a text search are looked at, and only the types
            // that hold one are read token by token for the four-fifths check.
            hits.Clear();
            grouped.Clear();
            SyntaxSearch.FindIdentifiers(tree, GroupByName, hits, token);
            foreach (var hit in hits)
            {
                if (hit.Parent is SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access } name
                    && access.Name == name
                    && invocation.Expression == access
                    && invocation.ArgumentList.Arguments.Count > 0
                    && invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax key })
                {
                    foreach (var type in invocation.Ancestors().OfType<TypeDeclarationSyntax>())
                    {
                        if (!grouped.TryGetValue(type, out var members))
                        {
                            grouped.Add(type, members = new List<string>());
                        }

                        members.Add(key.Name.Identifier.ValueText);
                    }
                }
            }

            foreach (var pair in grouped)
            {
                if (HasFourFifthsCheck(pair.Key))
                {
                    result.UnionWith(pair.Value);
                }
            }
        }

        return result;
    }

    private static bool HasFourFifthsCheck(TypeDeclarationSyntax type)
    {
        foreach (var token in type.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.NumericLiteralToken) && token.Value is double or float or decimal && Convert.ToDouble(token.Value, System.Globalization.CultureInfo.InvariantCulture) == 0.8)
            {
                return true;
            }

            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                var text = token.ValueText;
                foreach (var word in AuditWords)
                {
                    if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
