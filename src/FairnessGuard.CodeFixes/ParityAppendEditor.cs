using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FairnessGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// The FG0001 fix on an ML.NET pipeline: appends FairnessGuard.ML's parity estimator right after the trainer,
/// <c>….Append(trainer).Append(mlContext.Transforms.DemographicParity(groupColumnName: "Gender", scoreColumnName: "Score"))</c>,
/// so the pipeline's outputs are corrected where they are produced. Offered only when the result compiles
/// and corrects: FairnessGuard.ML is referenced, the trainer is the argument of an <c>Append</c>, it is a
/// regression or binary-classification trainer (a scalar <c>Score</c>), and its context is a
/// simple <c>MLContext</c> expression that can be repeated.
/// <para>
/// A pipeline that drops several sensitive columns gets ONE estimator over all of them,
/// <c>DemographicParity(new DemographicParityOptions { GroupColumnNames = new[] { "Gender", "Race" }, … })</c>,
/// whose default combination is the intersection: equal score distributions in every (Gender, Race) cell make
/// each column's groups, mixtures of those cells, equal too. One estimator per column would not compose: the
/// analyzer counts any DemographicParity as the pipeline's constraint, so the first fix would silence the rest.
/// </para>
/// </summary>
internal static class ParityAppendEditor
{
    /// <summary>The contract with FairnessGuard.ML.</summary>
    public const string ExtensionsTypeName = "FairnessGuard.ML.FairnessCatalogExtensions";

    private const string Namespace = "FairnessGuard.ML";

    private const string OptionsTypeName = "FairnessGuard.ML.DemographicParityOptions";

    /// <summary>Where the estimator goes: the <c>Append(trainer)</c> call, the context and the group column.</summary>
    public sealed class AppendTarget
    {
        public AppendTarget(InvocationExpressionSyntax appendCall, ExpressionSyntax context, string groupColumn)
        {
            AppendCall = appendCall;
            Context = context;
            GroupColumn = groupColumn;
        }

        public InvocationExpressionSyntax AppendCall { get; }

        public ExpressionSyntax Context { get; }

        public string GroupColumn { get; }
    }

    /// <summary>
    /// The group columns each trainer's estimator takes, from the diagnostics of one document: every column a
    /// pipeline drops, in ordinal order (a stable text whichever diagnostic the fix starts from). A pipeline with
    /// several columns is left out when the options form is not there to compile (an older FairnessGuard.ML).
    /// </summary>
    public static Dictionary<InvocationExpressionSyntax, (AppendTarget Target, List<string> Columns)> Targets(IEnumerable<Diagnostic> diagnostics, SyntaxNode root, SemanticModel model, CancellationToken token)
    {
        var wanted = new Dictionary<InvocationExpressionSyntax, (AppendTarget Target, List<string> Columns)>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(diagnostic, root, model, token) is not { } target)
            {
                continue;
            }

            if (!wanted.TryGetValue(target.AppendCall, out var entry))
            {
                entry = (target, new List<string>());
                wanted.Add(target.AppendCall, entry);
            }

            if (!entry.Columns.Contains(target.GroupColumn))
            {
                entry.Columns.Add(target.GroupColumn);
            }
        }

        var multiple = model.Compilation.GetTypeByMetadataName(OptionsTypeName) is not null;
        foreach (var key in wanted.Keys.ToList())
        {
            wanted[key].Columns.Sort(StringComparer.Ordinal);
            if (wanted[key].Columns.Count > 1 && !multiple)
            {
                wanted.Remove(key);
            }
        }

        return wanted;
    }

    /// <summary>The estimator over one column, or over several as their intersection.</summary>
    public static string Estimator(ExpressionSyntax context, IReadOnlyList<string> columns) =>
        columns.Count == 1
            ? $"{context.WithoutTrivia()}.Transforms.DemographicParity(groupColumnName: {SyntaxFactory.Literal(columns[0])}, scoreColumnName: \"Score\")"
            : $"{context.WithoutTrivia()}.Transforms.DemographicParity(new DemographicParityOptions {{ GroupColumnNames = new[] {{ {string.Join(", ", columns.Select(c => SyntaxFactory.Literal(c).ToString()))} }}, Combination = GroupCombination.Intersection, ScoreColumnName = \"Score\" }})";

    public static AppendTarget? Target(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken token)
    {
        if (!diagnostic.Properties.TryGetValue(PolicyFixProperties.FixKey, out var fix) || fix != PolicyFixProperties.FixAppendParity
            || !diagnostic.Properties.TryGetValue(PolicyFixProperties.GroupColumnKey, out var group) || string.IsNullOrEmpty(group)
            || diagnostic.AdditionalLocations.Count == 0
            || model.Compilation.GetTypeByMetadataName(ExtensionsTypeName) is not { } extensions
            || extensions.GetMembers("DemographicParity").IsEmpty)
        {
            return null;
        }

        if (root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } trainer
            || trainer.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax append } }
            || append.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" }
            || model.GetSymbolInfo(trainer, token).Symbol is not IMethodSymbol method
            || !IsScalarScoreTrainer(method)
            || Context(trainer, model, token) is not { } context)
        {
            return null;
        }

        return new AppendTarget(append, context, group!);
    }

    public static async Task<Document> AppendAsync(Document document, IReadOnlyCollection<Diagnostic> diagnostics, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(token).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null)
        {
            return document;
        }

        // One estimator per trainer, over every column its pipeline drops.
        var wanted = Targets(diagnostics, root, model, token);
        if (wanted.Count == 0)
        {
            return document;
        }

        var newRoot = unit.ReplaceNodes(wanted.Keys, (original, rewritten) =>
        {
            var (target, columns) = wanted[original];
            var estimator = SyntaxFactory.ParseExpression(Estimator(target.Context, columns));
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, rewritten.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("Append")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(estimator))))
                .WithTrailingTrivia(rewritten.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
        });
        return document.WithSyntaxRoot(UsingDirectives.Ensure(newRoot, Namespace));
    }

    /// <summary>A regression or binary-classification trainer: its <c>Score</c> column is one number per row.</summary>
    private static bool IsScalarScoreTrainer(IMethodSymbol method)
    {
        var catalog = (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type ?? method.ContainingType;
        var receiver = method.ReducedFrom is not null ? method.ReceiverType : catalog;
        var name = receiver?.ToDisplayString() ?? string.Empty;
        return name.IndexOf("RegressionCatalog", StringComparison.Ordinal) >= 0 || name.IndexOf("BinaryClassificationCatalog", StringComparison.Ordinal) >= 0;
    }

    /// <summary>The <c>MLContext</c> the trainer hangs off (<c>mlContext</c>, <c>this.ml</c>, <c>_context</c>): an identifier or a member access on <c>this</c>.</summary>
    private static ExpressionSyntax? Context(InvocationExpressionSyntax trainer, SemanticModel model, CancellationToken token)
    {
        ExpressionSyntax current = trainer.Expression;
        while (current is MemberAccessExpressionSyntax access)
        {
            current = access.Expression;
            if (model.GetTypeInfo(current, token).Type is { Name: "MLContext" } type
                && type.ContainingNamespace?.ToDisplayString() == "Microsoft.ML")
            {
                return current is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } ? current : null;
            }
        }

        return null;
    }
}
