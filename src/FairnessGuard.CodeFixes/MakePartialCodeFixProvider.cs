using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// FG1001 (reported by the generator): a method that carries a fairness policy is not <c>partial</c>, so its
/// outputs are not guarded. The fix keeps the signature and the policy on a <c>partial</c> declaration
/// without a body, moves the body to a private <c>&lt;Name&gt;Core</c> method, and makes the containing types
/// <c>partial</c>; the generator then implements the declaration with the guard. Fix All (document, project,
/// solution) rewrites every reported method, so <c>dotnet format --diagnostics FG1001</c> applies it.
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
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
            await FixAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method is null || !GuardedMethodRewriter.CanRewrite(method))
        {
            return;
        }

        var core = method.Identifier.ValueText + "Core";
        context.RegisterCodeFix(
            CodeAction.Create($"Make '{method.Identifier.ValueText}' partial and move its body to '{core}'", token => FixAsync(context.Document, context.Diagnostics, token), nameof(MakePartialCodeFixProvider)),
            context.Diagnostics);
    }

    private static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var methods = diagnostics
            .Select(d => root.FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>())
            .Where(m => m is not null && GuardedMethodRewriter.CanRewrite(m))
            .Cast<MethodDeclarationSyntax>()
            .Distinct()
            .ToList();
        if (methods.Count == 0)
        {
            return document;
        }

        var marked = root.ReplaceNodes(methods, (_, rewritten) => rewritten.WithAdditionalAnnotations(GuardedMethodRewriter.Target));
        return document.WithSyntaxRoot(GuardedMethodRewriter.RewriteMarked(marked));
    }
}
