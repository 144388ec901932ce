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
/// only, once per compilation, in the files that mention <c>GroupBy</c>.
/// </summary>
internal static class FairnessAuditIndex
{
    private static readonly string[] AuditWords = { "fourfifths", "disparateimpact", "parityratio", "adverseimpact", "selectionrate", "impactratio" };

    public static HashSet<string> AuditedMemberNames(Compilation compilation, CancellationToken token)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.TryGetText(out var text) && !tree.HasCompilationUnitRoot)
            {
                continue;
            }

            text ??= tree.GetText(token);
            if (!Contains(text.ToString(), "GroupBy"))
            {
                continue;
            }

            foreach (var type in tree.GetRoot(token).DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                List<string>? grouped = null;
                foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GroupBy" }
                        && invocation.ArgumentList.Arguments.Count > 0
                        && invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax key })
                    {
                        (grouped ??= new List<string>()).Add(key.Name.Identifier.ValueText);
                    }
                }

                if (grouped is not null && HasFourFifthsCheck(type))
                {
                    result.UnionWith(grouped);
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
                var lower = token.ValueText.ToLowerInvariant();
                if (AuditWords.Any(w => lower.Contains(w)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contains(string text, string value) => text.IndexOf(value, StringComparison.Ordinal) >= 0;
}
