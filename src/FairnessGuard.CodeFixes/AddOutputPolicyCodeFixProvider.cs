using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using FairnessGuard.Analyzers;
using FairnessGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// FG0001 / FG0002: instead of hiding an input, state the requirement on the outputs, in one action that
/// yields guarded code. On a hand-written scorer: adds <c>[DemographicParity(nameof(T.Member))]</c>, makes the
/// method <c>partial</c> with its body in <c>&lt;Name&gt;Core</c> and its types <c>partial</c>, so the
/// generator implements the guard. On an ML.NET pipeline: appends FairnessGuard.ML's
/// <c>DemographicParity(groupColumnName: …)</c> after the trainer. Where neither has a valid target, no fix
/// is offered. Fix All (document, project, solution) batches a document's edits and adds each using once.
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
        {
            var list = diagnostics.ToList();
            var appended = await ParityAppendEditor.AppendAsync(document, list, fixAllContext.CancellationToken).ConfigureAwait(false);
            return await PolicyEditor.AddPoliciesAsync(appended, list.Where(d => !IsAppend(d)).Select(d => Relocate(d, document, appended)), fixAllContext.CancellationToken).ConfigureAwait(false);
        });

    private static bool IsAppend(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PolicyFixProperties.FixKey, out var fix) && fix == PolicyFixProperties.FixAppendParity;

    /// <summary>A document holds either pipelines or scorers in practice; when it holds both, the policy pass runs on the appended text (its spans move), so it is left to a second Fix All.</summary>
    private static Diagnostic Relocate(Diagnostic diagnostic, Document before, Document after) =>
        ReferenceEquals(before, after) ? diagnostic : Diagnostic.Create(diagnostic.Descriptor, Location.None);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return;
        }

        // One action per pipeline appends one estimator over every column the pipeline drops: a fix per column
        // would not compose (the first estimator silences the pipeline). The action looks up the pipeline's other
        // diagnostics, which dotnet format and a FG0002 on a proxy column do not hand over.
        var appends = context.Diagnostics.Where(d => ParityAppendEditor.Target(d, root, model, context.CancellationToken) is not null).ToList();
        foreach (var pipeline in ParityAppendEditor.Targets(appends, root, model, context.CancellationToken).Values)
        {
            var own = appends.Where(d => ParityAppendEditor.Target(d, root, model, context.CancellationToken)?.AppendCall == pipeline.Target.AppendCall).ToImmutableArray();
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Append DemographicParity over the sensitive columns the pipeline drops, after the trainer",
                    async token =>
                    {
                        // Every diagnostic of this pipeline (same trainer), whatever span it is on.
                        var siblings = await SiblingDiagnostics.WithSiblingsAsync(context.Document, own, FixableDiagnosticIds, token).ConfigureAwait(false);
                        var same = siblings.Where(d => ParityAppendEditor.Target(d, root, model, token)?.AppendCall == pipeline.Target.AppendCall).ToList();
                        return await ParityAppendEditor.AppendAsync(context.Document, same, token).ConfigureAwait(false);
                    },
                    EquivalenceKey),
                own);
        }

        foreach (var diagnostic in context.Diagnostics.Where(d => d.AdditionalLocations.Count > 0 && !appends.Contains(d)))
        {
            if (model.Compilation.GetTypeByMetadataName(PolicyEditor.PolicyTypeName) is null
                || PolicyEditor.PolicyArgument(diagnostic, model) is not { } argument
                || PolicyEditor.GuardableTarget(diagnostic, root, model, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Guard the prediction method with [DemographicParity({argument})]",
                    token => PolicyEditor.AddPoliciesAsync(context.Document, new[] { diagnostic }, token),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
