using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// FG0001 / FG0002: instead of hiding an input, state the requirement on the outputs: adds
/// <c>[DemographicParity(nameof(T.Member))]</c> to the prediction method. Fix All batches a document's
/// policies per method and adds <c>using FairnessGuard;</c> once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddOutputPolicyCodeFixProvider))]
[Shared]
public sealed class AddOutputPolicyCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key shared by every "add policy" action, so Fix All groups them.</summary>
    public const string EquivalenceKey = "FairnessGuard.AddDemographicParity";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.SensitiveAttributeDropped, RuleIdentifiers.ProxyKept);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
            await PolicyEditor.AddPoliciesAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null || model.Compilation.GetTypeByMetadataName(PolicyEditor.PolicyTypeName) is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics.Where(d => d.AdditionalLocations.Count > 0))
        {
            if (PolicyEditor.PolicyArgument(diagnostic, model) is not { } argument)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add [DemographicParity({argument})] to the prediction method",
                    token => PolicyEditor.AddPoliciesAsync(context.Document, new[] { diagnostic }, token),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
