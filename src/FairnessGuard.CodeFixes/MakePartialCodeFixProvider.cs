using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// FG1001 (reported by the generator): a method that carries a fairness policy is not <c>partial</c>, so its
/// outputs are not guarded. The fix keeps the signature and the policy on a <c>partial</c> declaration
/// without a body, moves the body to a private <c>&lt;Name&gt;Core</c> method, and makes the containing types
/// <c>partial</c>; the generator then implements the declaration with the guard.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
[Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    /// <summary>The generator's "decorated method is not partial" diagnostic.</summary>
    public const string DiagnosticId = "FG1001";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method is null || (method.Body is null && method.ExpressionBody is null) || method.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return;
        }

        var core = method.Identifier.ValueText + "Core";
        context.RegisterCodeFix(
            CodeAction.Create($"Make '{method.Identifier.ValueText}' partial and move its body to '{core}'", token => FixAsync(context.Document, method, token), nameof(MakePartialCodeFixProvider)),
            context.Diagnostics);
    }

    private static async Task<Document> FixAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // The body moves to a private, attribute-free <Name>Core with the same signature (async stays there).
        var bodyModifiers = method.Modifiers.Where(m => !IsAccessibility(m) && !m.IsKind(SyntaxKind.VirtualKeyword) && !m.IsKind(SyntaxKind.OverrideKeyword) && !m.IsKind(SyntaxKind.NewKeyword) && !m.IsKind(SyntaxKind.SealedKeyword));
        var coreMethod = method
            .WithAttributeLists(default)
            .WithIdentifier(SyntaxFactory.Identifier(method.Identifier.ValueText + "Core"))
            .WithModifiers(SyntaxFactory.TokenList(new[] { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) }.Concat(bodyModifiers.Select(m => m.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space)))))
            .WithLeadingTrivia(method.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

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

        var type = (TypeDeclarationSyntax)method.Parent!;
        var members = type.Members.Replace(method, declaration).Insert(type.Members.IndexOf(method) + 1, coreMethod);
        var newType = type.WithMembers(members);
        var newRoot = root.ReplaceNode(type, newType);

        // Every containing type must be partial for the generator to add the implementation.
        newRoot = newRoot.ReplaceNodes(
            newRoot.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword) && t.DescendantNodes().OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == coreMethod.Identifier.ValueText)),
            (_, rewritten) => rewritten.WithModifiers(rewritten.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space))));
        return document.WithSyntaxRoot(newRoot);
    }

    private static bool IsAccessibility(SyntaxToken token) =>
        token.IsKind(SyntaxKind.PublicKeyword) || token.IsKind(SyntaxKind.PrivateKeyword) || token.IsKind(SyntaxKind.ProtectedKeyword) || token.IsKind(SyntaxKind.InternalKeyword);
}
