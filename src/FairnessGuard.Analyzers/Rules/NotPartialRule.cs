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
/// The coverage rule mirrors the generator's <c>TypeReader.IsCoveredPredictionMethod</c>; a test checks they agree.
/// </summary>
internal static class NotPartialRule
{
    public const string DemographicParityName = "FairnessGuard.DemographicParityAttribute";

    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.NotPartial;

    /// <summary>FG1001 for <paramref name="method"/>, or null; <paramref name="demographicParity"/> is the compilation's attribute type.</summary>
    public static Diagnostic? Check(IMethodSymbol method, INamedTypeSymbol demographicParity, System.Threading.CancellationToken token)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsPartialDefinition || method.PartialDefinitionPart is not null
            || !(Has(method, demographicParity) || (method.ContainingType is { } type && Has(type, demographicParity) && IsCoveredPredictionMethod(type, method)))
            || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token) is not MethodDeclarationSyntax syntax)
        {
            return null;
        }

        return Diagnostic.Create(Descriptor, syntax.Identifier.GetLocation(), method.Name);
    }

    private static bool Has(ISymbol symbol, INamedTypeSymbol attribute) => symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static bool IsCoveredPredictionMethod(INamedTypeSymbol type, IMethodSymbol method)
    {
        if (method.DeclaredAccessibility != Accessibility.Public || method.IsImplicitlyDeclared || method.Parameters.Length == 0 || !IsSupportedScore(method.ReturnType))
        {
            return false;
        }

        // A public ScoreCore beside a partial Score is the model's body, not a prediction entry point.
        var name = method.Name;
        return !(name.EndsWith("Core", System.StringComparison.Ordinal)
            && type.GetMembers(name.Substring(0, name.Length - 4)).OfType<IMethodSymbol>().Any(m => m.IsPartialDefinition));
    }

    /// <summary>A return type the generator implements: double, float, or Task/ValueTask of them (the code fixes use it too).</summary>
    public static bool IsSupportedScore(ITypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>"
            && named.TypeArguments[0].SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }
}
