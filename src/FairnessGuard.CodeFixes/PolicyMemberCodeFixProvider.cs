using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using FairnessGuard.Analyzers;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using FairnessGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.CodeFixes;

/// <summary>FG0003 (unknown member): offers the members the method's inputs do have, sensitive ones first.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PolicyMemberCodeFixProvider))]
[Shared]
public sealed class PolicyMemberCodeFixProvider : CodeFixProvider
{
    private const int MaxOffers = 8;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PolicyCannotWork);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PolicyCannotWorkRule.ReasonKey, out var reason) || reason != PolicyCannotWorkRule.UnknownMember
                || root.FindNode(diagnostic.Location.SourceSpan) is not { } node
                || node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { } argument)
            {
                continue;
            }

            foreach (var replacement in Offers(argument, model))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {replacement}",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(argument.Expression)))),
                        "FairnessGuard.PolicyMember." + replacement),
                    diagnostic);
            }
        }
    }

    private static IEnumerable<string> Offers(AttributeArgumentSyntax argument, SemanticModel model)
    {
        var declaration = argument.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        var methods = model.GetDeclaredSymbol(declaration!) switch
        {
            IMethodSymbol method => new[] { method },
            INamedTypeSymbol type => type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public).ToArray(),
            _ => System.Array.Empty<IMethodSymbol>(),
        };

        var position = argument.SpanStart;
        return methods.SelectMany(PolicyInputs.Candidates)
            .Select(c => (Text: c.Type is null ? $"nameof({c.Name})" : $"nameof({c.Type.ToMinimalDisplayString(model, position)}.{c.Name})", Sensitive: NameMatchers.Default.IsSensitive(c.Name)))
            .Where(c => !(c.Text.StartsWith("nameof(", System.StringComparison.Ordinal) && methods.Length > 1 && !c.Text.Contains('.')))
            .Distinct()
            .OrderByDescending(c => c.Sensitive)
            .Take(MaxOffers)
            .Select(c => c.Text);
    }
}
