using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FairnessGuard.CodeFixes;

/// <summary>Adds <c>using FairnessGuard;</c> once, in sorted position, unless the file already sees the namespace.</summary>
internal static class UsingDirectives
{
    private const string FairnessGuardNamespace = "FairnessGuard";

    public static CompilationUnitSyntax EnsureFairnessGuard(CompilationUnitSyntax unit) => Ensure(unit, FairnessGuardNamespace);

    /// <summary>Adds <c>using <paramref name="namespace"/>;</c> once, in sorted position.</summary>
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax unit, string @namespace)
    {
        if (unit.Usings.Any(u => u.Name?.ToString() == @namespace && u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None))
            || unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == @namespace || n.Name.ToString().StartsWith(@namespace + ".", StringComparison.Ordinal)))
        {
            return unit;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(@namespace))
            .WithTrailingTrivia(SyntaxFactory.ElasticLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && IsBefore(usings[index], @namespace))
        {
            index++;
        }

        if (usings.Count == 0)
        {
            // Keep a file's leading comments (a header) above the new directive.
            var first = unit.GetLeadingTrivia();
            var body = unit.WithoutLeadingTrivia();
            return body.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(first).WithTrailingTrivia(SyntaxFactory.ElasticLineFeed, SyntaxFactory.ElasticLineFeed)));
        }

        if (index == 0)
        {
            var leading = usings[0].GetLeadingTrivia();
            usings = usings.Replace(usings[0], usings[0].WithoutLeadingTrivia());
            directive = directive.WithLeadingTrivia(leading);
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static bool IsBefore(UsingDirectiveSyntax existing, string @namespace)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        {
            return existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
        }

        var name = existing.Name?.ToString() ?? string.Empty;
        var isSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        return isSystem || string.CompareOrdinal(name, @namespace) < 0;
    }
}
