using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// Turns hand-written prediction methods into what the generator implements: each marked method becomes a
/// <c>partial</c> declaration without a body (keeping its attributes, docs and accessibility), its body moves
/// to a private <c>&lt;Name&gt;Core</c> with the same signature, and every containing type becomes
/// <c>partial</c>. Works on many methods of one document at once (the Fix All path of FG0001 and FG1001).
/// </summary>
internal static class GuardedMethodRewriter
{
    /// <summary>Marks a method to rewrite; carried through earlier edits of the same document.</summary>
    public static readonly SyntaxAnnotation Target = new("FairnessGuard.MakePartial");

    private static readonly SyntaxAnnotation Declaration = new("FairnessGuard.PartialDeclaration");

    /// <summary>True when the method has a body to move and no <c>partial</c> yet.</summary>
    public static bool CanRewrite(MethodDeclarationSyntax method) =>
        (method.Body is not null || method.ExpressionBody is not null)
        && !method.Modifiers.Any(SyntaxKind.PartialKeyword)
        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && !method.Modifiers.Any(SyntaxKind.ExternKeyword)
        && method.TypeParameterList is null
        && method.Parent is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax
        && !((TypeDeclarationSyntax)method.Parent).Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == method.Identifier.ValueText + "Core")
        && method.Ancestors().OfType<TypeDeclarationSyntax>().All(t => t is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);

    /// <summary>Rewrites every method of <paramref name="root"/> that carries <see cref="Target"/>.</summary>
    public static SyntaxNode RewriteMarked(SyntaxNode root)
    {
        // One method at a time: each rewrite replaces its containing type's member list.
        for (var guard = 0; guard < 10_000; guard++)
        {
            var method = root.GetAnnotatedNodes(Target).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (method is null)
            {
                break;
            }

            if (!CanRewrite(method))
            {
                root = root.ReplaceNode(method, method.WithoutAnnotations(Target));
                continue;
            }

            var type = (TypeDeclarationSyntax)method.Parent!;
            var (declaration, core) = Split(method.WithoutAnnotations(Target));
            var members = type.Members.Replace(method, declaration.WithAdditionalAnnotations(Declaration)).Insert(type.Members.IndexOf(method) + 1, core);
            root = root.ReplaceNode(type, type.WithMembers(members));
        }

        // Every containing type of a new declaration must be partial for the generator to add the implementation.
        var types = root.GetAnnotatedNodes(Declaration).SelectMany(n => n.Ancestors().OfType<TypeDeclarationSyntax>())
            .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).Distinct().ToList();
        root = root.ReplaceNodes(types, (_, rewritten) => MakePartial(rewritten));
        return root;
    }

    private static TypeDeclarationSyntax MakePartial(TypeDeclarationSyntax type)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count == 0)
        {
            // `class C` → `partial class C`: the leading trivia (docs, indentation) moves to the new first token.
            return type.WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(type.Keyword.LeadingTrivia)))
                .WithKeyword(type.Keyword.WithLeadingTrivia());
        }

        return type.WithModifiers(type.Modifiers.Add(partial));
    }

    private static (MethodDeclarationSyntax Declaration, MethodDeclarationSyntax Core) Split(MethodDeclarationSyntax method)
    {
        // The body moves to a private, attribute-free <Name>Core with the same signature (async stays there).
        var bodyModifiers = method.Modifiers.Where(m => !IsAccessibility(m) && !m.IsKind(SyntaxKind.VirtualKeyword) && !m.IsKind(SyntaxKind.OverrideKeyword) && !m.IsKind(SyntaxKind.NewKeyword) && !m.IsKind(SyntaxKind.SealedKeyword));
        var core = method
            .WithAttributeLists(default)
            .WithIdentifier(SyntaxFactory.Identifier(method.Identifier.ValueText + "Core"))
            .WithModifiers(SyntaxFactory.TokenList(new[] { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) }.Concat(bodyModifiers.Select(m => m.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space)))))
            .WithLeadingTrivia(method.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)))
            .WithAdditionalAnnotations(Formatter.Annotation);

        // The declaration keeps attributes, docs and accessibility; it loses its body and `async`, gains `partial`.
        // A partial method with a non-void return needs an explicit accessibility (the implicit one is private).
        var declarationModifiers = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword)).ToList();
        if (!declarationModifiers.Any(IsAccessibility))
        {
            declarationModifiers.Insert(0, SyntaxFactory.Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        var declaration = method
            .WithModifiers(SyntaxFactory.TokenList(declarationModifiers.Concat(new[] { SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space) })))
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(method.Body?.GetTrailingTrivia() ?? method.SemicolonToken.TrailingTrivia))
            .WithParameterList(method.ParameterList.WithTrailingTrivia());
        if (method.Modifiers.Count == 0)
        {
            // No modifier held the leading trivia: it was on the return type (or the first attribute).
            declaration = declaration.WithLeadingTrivia(method.GetLeadingTrivia());
        }

        // A blank line between the declaration and the core, even when the method opened its type.
        var coreTrivia = core.GetLeadingTrivia();
        if (!coreTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            && declaration.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: (int)SyntaxKind.EndOfLineTrivia } newline)
        {
            core = core.WithLeadingTrivia(coreTrivia.Insert(0, newline));
        }

        return (declaration, core);
    }

    private static bool IsAccessibility(SyntaxToken token) =>
        token.IsKind(SyntaxKind.PublicKeyword) || token.IsKind(SyntaxKind.PrivateKeyword) || token.IsKind(SyntaxKind.ProtectedKeyword) || token.IsKind(SyntaxKind.InternalKeyword);

    /// <summary>
    /// True when the generator can implement <paramref name="method"/> guarded by a policy on
    /// <paramref name="member"/>: a score return type, and exactly one parameter or parameter member that
    /// supplies the group key (not a <c>Nullable&lt;T&gt;</c>).
    /// </summary>
    public static bool GeneratorCanGuard(IMethodSymbol method, string member)
    {
        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || !FairnessGuard.Analyzers.Catalog.PolicyCoverage.IsSupportedScore(method.ReturnType))
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.Out && string.Equals(parameter.Name, member, StringComparison.OrdinalIgnoreCase))
            {
                return !IsNullableValue(parameter.Type);
            }
        }

        var owners = new List<ITypeSymbol>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.Out && FindMember(parameter.Type, member) is { } type)
            {
                if (parameter.Type.IsReferenceType && parameter.Type.NullableAnnotation == NullableAnnotation.Annotated && !type.IsReferenceType)
                {
                    return false;
                }

                owners.Add(type);
            }
        }

        return owners.Count == 1 && !IsNullableValue(owners[0]);
    }

    private static bool IsNullableValue(ITypeSymbol type) => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static ITypeSymbol? FindMember(ITypeSymbol type, string member)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(member))
            {
                if (candidate.IsStatic || candidate.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    continue;
                }

                switch (candidate)
                {
                    case IPropertySymbol { GetMethod: not null, Parameters.Length: 0 } property:
                        return property.Type;
                    case IFieldSymbol field:
                        return field.Type;
                }
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.GetMembers(member).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                return property.Type;
            }
        }

        return null;
    }
}
