using System;
using System.Collections.Concurrent;
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
/// only: the <c>GroupBy</c> calls once per compilation (found by a text search, see <see cref="SyntaxSearch"/>),
/// and a grouping type's four-fifths check only when a finding asks about a member it groups by.
/// </summary>
internal sealed class FairnessAuditIndex
{
    private readonly Lazy<Dictionary<string, List<TypeDeclarationSyntax>>> _grouping;
    private readonly ConcurrentDictionary<string, bool> _audited = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TypeDeclarationSyntax, bool> _checked = new();
    private readonly Func<string, bool> _auditsUncached;
    private readonly Func<TypeDeclarationSyntax, bool> _hasFourFifthsCheck = HasFourFifthsCheck;

    public FairnessAuditIndex(Compilation compilation)
    {
        _grouping = new(() => GroupingTypes(compilation, CancellationToken.None));
        _auditsUncached = AuditsUncached;
    }

    /// <summary>Whether a type that groups rows by the member also holds a four-fifths check.</summary>
    public bool Audits(string memberName) => _audited.GetOrAdd(memberName, _auditsUncached);

    private bool AuditsUncached(string memberName)
    {
        if (_grouping.Value.TryGetValue(memberName, out var types))
        {
            foreach (var type in types)
            {
                if (_checked.GetOrAdd(type, _hasFourFifthsCheck))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] AuditWords = { "fourfifths", "disparateimpact", "parityratio", "adverseimpact", "selectionrate", "impactratio" };

    private static readonly string[] GroupByName = { "GroupBy" };

    /// <summary>The types (each containing type of the call) that group rows by each member: <c>GroupBy(r =&gt; r.Member)</c>.</summary>
    private static Dictionary<string, List<TypeDeclarationSyntax>> GroupingTypes(Compilation compilation, CancellationToken token)
    {
        var result = new Dictionary<string, List<TypeDeclarationSyntax>>(StringComparer.Ordinal);
        var hits = new List<SyntaxToken>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            // Only the `GroupBy(r => r.Member)` calls found by a text search are looked at.
            hits.Clear();
            SyntaxSearch.FindIdentifiers(tree, GroupByName, hits, token);
            foreach (var hit in hits)
            {
                if (hit.Parent is SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access } name
                    && access.Name == name
                    && invocation.Expression == access
                    && invocation.ArgumentList.Arguments.Count > 0
                    && invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax key })
                {
                    var member = key.Name.Identifier.ValueText;
                    if (!result.TryGetValue(member, out var types))
                    {
                        result.Add(member, types = new List<TypeDeclarationSyntax>());
                    }

                    types.AddRange(invocation.Ancestors().OfType<TypeDeclarationSyntax>());
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
