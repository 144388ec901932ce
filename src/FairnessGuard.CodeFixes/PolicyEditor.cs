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
/// Adds <c>[DemographicParity(nameof(T.Member))]</c> policies to prediction methods, with
/// <c>using FairnessGuard;</c>, for one or many diagnostics of a document at once (the FixAll path), and
/// makes each method what the generator implements (<c>partial</c>, body in <c>&lt;Name&gt;Core</c>,
/// containing types <c>partial</c>): one action yields guarded code, never a policy that guards nothing.
/// </summary>
internal static class PolicyEditor
{
    public const string PolicyTypeName = "FairnessGuard.DemographicParityAttribute";

    /// <summary>The argument text the policy would use, or null when the diagnostic carries no fixable policy.</summary>
    public static string? PolicyArgument(Diagnostic diagnostic, SemanticModel model)
    {
        if (diagnostic.AdditionalLocations.Count == 0 || !diagnostic.Properties.TryGetValue(PolicyFixProperties.MemberKey, out var member) || string.IsNullOrEmpty(member)
            || !diagnostic.Properties.TryGetValue(PolicyFixProperties.FixKey, out var fix) || fix != PolicyFixProperties.FixPolicy)
        {
            return null;
        }

        var position = diagnostic.AdditionalLocations[0].SourceSpan.Start;
        if (diagnostic.Properties.TryGetValue(PolicyFixProperties.TypeKey, out var typeName) && !string.IsNullOrEmpty(typeName)
            && FindType(model.Compilation, typeName!) is { } type)
        {
            return $"nameof({type.ToMinimalDisplayString(model, position)}.{member})";
        }

        return SyntaxFactory.Literal(member!).ToString();
    }

    /// <summary>
    /// The method the policy goes on, when one action can make it guarded code: a method the generator can
    /// implement with this policy (a score return type, one input holding the group key) that is either
    /// rewritable to a partial declaration or already one. Null otherwise: no fix is offered.
    /// </summary>
    public static MethodDeclarationSyntax? GuardableTarget(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken token)
    {
        if (PolicyArgument(diagnostic, model) is null
            || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || model.GetDeclaredSymbol(method, token) is not { } symbol
            || !GuardedMethodRewriter.GeneratorCanGuard(symbol, diagnostic.Properties[PolicyFixProperties.MemberKey]!))
        {
            return null;
        }

        var isDeclaration = method.Body is null && method.ExpressionBody is null && method.Modifiers.Any(SyntaxKind.PartialKeyword);
        return isDeclaration || GuardedMethodRewriter.CanRewrite(method) ? method : null;
    }

    public static async Task<Document> AddPoliciesAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(token).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null || model.Compilation.GetTypeByMetadataName(PolicyTypeName) is null)
        {
            return document;
        }

        var wanted = new Dictionary<MethodDeclarationSyntax, List<string>>();
        foreach (var diagnostic in diagnostics)
        {
            if (PolicyArgument(diagnostic, model) is not { } argument
                || GuardableTarget(diagnostic, root, model, token) is not { } method)
            {
                continue;
            }

            if (!wanted.TryGetValue(method, out var arguments))
            {
                arguments = new List<string>();
                wanted.Add(method, arguments);
            }

            if (!arguments.Contains(argument) && !HasPolicy(method, argument))
            {
                arguments.Add(argument);
            }
        }

        if (wanted.Values.All(a => a.Count == 0))
        {
            return document;
        }

        var newRoot = (CompilationUnitSyntax)unit.ReplaceNodes(wanted.Keys, (original, rewritten) => AddAttributes(rewritten, wanted[original]).WithAdditionalAnnotations(GuardedMethodRewriter.Target));
        newRoot = (CompilationUnitSyntax)GuardedMethodRewriter.RewriteMarked(newRoot);
        newRoot = UsingDirectives.EnsureFairnessGuard(newRoot);
        return document.WithSyntaxRoot(newRoot);
    }

    private static MethodDeclarationSyntax AddAttributes(MethodDeclarationSyntax method, List<string> arguments)
    {
        if (arguments.Count == 0)
        {
            return method;
        }

        var lists = arguments.Select(argument => SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("DemographicParity"))
                    .WithArgumentList(SyntaxFactory.ParseAttributeArgumentList("(" + argument + ")"))))
            .WithAdditionalAnnotations(Formatter.Annotation));
        var leading = method.GetLeadingTrivia();
        var stripped = method.WithoutLeadingTrivia();
        var withAttributes = method.AttributeLists.Count > 0
            ? method.WithAttributeLists(method.AttributeLists.AddRange(lists))
            : stripped.WithAttributeLists(SyntaxFactory.List(lists)).WithLeadingTrivia(leading);
        return withAttributes.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool HasPolicy(MethodDeclarationSyntax method, string argument) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a =>
            a.Name.ToString().Contains("DemographicParity") && a.ArgumentList?.Arguments.FirstOrDefault()?.ToString() == argument);

    private static INamedTypeSymbol? FindType(Compilation compilation, string fullyQualified)
    {
        var name = fullyQualified.StartsWith("global::", System.StringComparison.Ordinal) ? fullyQualified.Substring(8) : fullyQualified;
        var generic = name.IndexOf('<');
        var metadataName = generic >= 0 ? name.Substring(0, generic) : name;
        var type = compilation.GetTypeByMetadataName(metadataName);
        if (type is not null)
        {
            return type;
        }

        // Nested types: Outer.Inner in display form is Outer+Inner in metadata form.
        var parts = metadataName.Split('.');
        for (var split = parts.Length - 1; split > 0; split--)
        {
            var candidate = string.Join(".", parts.Take(split)) + "+" + string.Join("+", parts.Skip(split));
            if (compilation.GetTypeByMetadataName(candidate) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
