using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Which code blocks are worth reading, decided from one syntax node at a time so that the compiler's own
/// walk does the visiting: a call to a pipeline or prediction method, or a method whose name says it scores
/// or builds features. A block is the member that owns the node (or the file, for top-level statements).
/// </summary>
internal static class ModelCodeBlocks
{
    private static readonly System.Collections.Generic.HashSet<string> CalculationVerbs = new(new[] { "calculate", "compute", "evaluate", "assess", "estimate", "rate" }.Concat(Naming.ForeignNames.CalculationVerbs), System.StringComparer.Ordinal);

    /// <summary>
    /// Words that name a type as a scorer of people besides the prediction words (<c>Score</c>, <c>Scoring</c>,
    /// <c>Prediction</c>): <c>RiskScorer</c>, <c>CreditRater</c>, <c>UnderwritingService</c>, <c>EligibilityEngine</c>,
    /// <c>PremiumCalculator</c>. Not <c>model</c> (view models), <c>rate</c> (exchange and shipping rates) nor
    /// <c>calculator</c> alone (<c>TaxCalculator</c>).
    /// </summary>
    private static readonly System.Collections.Generic.HashSet<string> ScorerTypeWords = new(System.StringComparer.Ordinal)
    {
        "scorer", "scorers", "scorecard", "predictor", "classifier", "rater", "rating", "underwriter", "underwriting", "risk", "credit", "eligibility", "premium",
    };

    public static bool IsTriggerCall(InvocationExpressionSyntax invocation, Naming.NameMatchers names) =>
        BlockScan.NameOf(invocation) is { } name && (BlockScan.IsPipelineName(name) || names.IsPredictionName(name) || BlockScan.IsScoringServiceCall(invocation, name));

    public static bool IsTriggerMethod(MethodDeclarationSyntax method, Naming.NameMatchers names)
    {
        var name = method.Identifier.ValueText;
        return names.IsPredictionName(name) || names.IsFeatureBuilderName(name)
            || (method.Parent is TypeDeclarationSyntax type && IsScoringServiceMethod(name, type.Identifier.ValueText, names));
    }

    /// <summary>
    /// A calculation verb (<c>Calculate</c>, <c>Compute</c>, <c>Evaluate</c>, <c>Assess</c>, <c>Estimate</c>, <c>Rate</c>) on a
    /// type named as a scorer (<c>CreditScoringService.Calculate</c>, <c>RiskScorer.Assess</c>, <c>CreditRater.Rate</c>) is a
    /// scoring method; on other types (<c>TaxCalculator</c>, <c>ExchangeRateService</c>) it is not.
    /// </summary>
    public static bool IsScoringServiceMethod(string methodName, string typeName, Naming.NameMatchers names)
    {
        // Asked of every method: a name that does not start with a verb is not split into words.
        if (!StartsWithCalculationVerb(methodName))
        {
            return false;
        }

        var words = Naming.IdentifierTokens.Split(methodName);
        return words.Length > 0 && CalculationVerbs.Contains(words[0])
            && System.Array.Exists(Naming.IdentifierTokens.Split(typeName), w => ScorerTypeWords.Contains(w) || names.IsPredictionName(w));
    }

    private static bool StartsWithCalculationVerb(string name)
    {
        name = name.TrimStart('_');
        foreach (var verb in CalculationVerbs)
        {
            if (name.StartsWith(verb, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member declaration that owns the node, or the compilation unit for top-level statements.</summary>
    public static SyntaxNode? EnclosingBlock(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax global:
                    return global.Parent;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                    return null;
                case MemberDeclarationSyntax member:
                    return member;
            }
        }

        return null;
    }

    /// <summary>The symbol that owns the block (the method, property, ...), or the entry point of top-level code.</summary>
    public static ISymbol? OwnerOf(SyntaxNode block, SemanticModel model, System.Threading.CancellationToken token)
    {
        if (block is CompilationUnitSyntax)
        {
            return model.GetEnclosingSymbol(block.SpanStart, token);
        }

        if (block is BaseFieldDeclarationSyntax field && field.Declaration.Variables.Count > 0)
        {
            return model.GetDeclaredSymbol(field.Declaration.Variables[0], token);
        }

        return block.IsKind(SyntaxKind.IncompleteMember) ? null : model.GetDeclaredSymbol(block, token);
    }
}
