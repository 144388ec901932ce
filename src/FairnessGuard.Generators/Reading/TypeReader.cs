using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Generators.Reading;

/// <summary>
/// <c>[DemographicParity]</c> on a class, struct or record covers its public prediction methods: public
/// methods with at least one parameter that return a supported score type. Partial ones are implemented;
/// others are reported (FG1001), since the analyzer counts the policy as satisfied and they would run unguarded.
/// </summary>
internal static class TypeReader
{
    public static EquatableArray<MethodResult> Read(INamedTypeSymbol type, GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // A partial type may carry policies on several declarations; the one with the first policy reads them all.
        if (!OwnsTypePolicies(type, context.TargetNode))
        {
            return default;
        }

        var results = new List<MethodResult>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!FairnessGuard.Analyzers.Catalog.PolicyCoverage.IsCoveredPredictionMethod(type, method, PolicyReader.HasDemographicParity(method))
                || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
            {
                continue;
            }

            results.Add(MethodReader.Read(method, syntax, context.SemanticModel.Compilation, cancellationToken));
        }

        return EquatableArray.From(results);
    }

    private static bool OwnsTypePolicies(INamedTypeSymbol type, SyntaxNode target)
    {
        var first = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ParityMethodGenerator.DemographicParityMetadataName);
        var reference = first?.ApplicationSyntaxReference;
        return reference is not null && reference.SyntaxTree == target.SyntaxTree && target.Span.Contains(reference.Span);
    }
}
