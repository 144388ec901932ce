using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>
/// FG1001 from the analyzer: a method the generator would have to implement — it carries <c>[DemographicParity]</c>, or its
/// type does and it is one of the type's public prediction methods — is not partial, so it runs unguarded. The generator
/// reports the same condition; the analyzer reports it too because <c>dotnet format analyzers</c> (and any tool that fixes
/// analyzer diagnostics) never sees a generator's diagnostics. With the package's targets the generator stays silent on
/// FG1001 while analyzers run during the build (<c>FairnessGuardAnalyzersReportNotPartial</c>), so each is reported once;
/// without analyzers (<c>RunAnalyzers=false</c>) the generator reports it, so the build still fails.
/// The coverage rule is the generator's own (<see cref="Catalog.PolicyCoverage"/>); a test checks the two report the same methods.
/// </summary>
internal static class NotPartialRule
{
    public const string DemographicParityName = "FairnessGuard.DemographicParityAttribute";

    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.NotPartial;

    /// <summary>FG1001 for <paramref name="method"/>, or null; <paramref name="demographicParity"/> is the compilation's attribute type.</summary>
    public static Diagnostic? Check(IMethodSymbol method, INamedTypeSymbol demographicParity, System.Threading.CancellationToken token)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsPartialDefinition || method.PartialDefinitionPart is not null
            || !(Has(method, demographicParity) || (method.ContainingType is { } type && Has(type, demographicParity) && Catalog.PolicyCoverage.IsCoveredPredictionMethod(type, method, hasOwnPolicy: false)))
            || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token) is not MethodDeclarationSyntax syntax)
        {
            return null;
        }

        return Diagnostic.Create(Descriptor, syntax.Identifier.GetLocation(), method.Name);
    }

    private static bool Has(ISymbol symbol, INamedTypeSymbol attribute) => symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
