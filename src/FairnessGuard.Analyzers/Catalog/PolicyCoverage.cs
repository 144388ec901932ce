using System.Linq;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Catalog;

/// <summary>
/// Which methods a type-level <c>[DemographicParity]</c> covers, and which return types the generator implements: one
/// rule for the generator (which implements or reports them) and the analyzer (which reports FG1001 on them), so the
/// two cannot drift apart. Compiled into both assemblies, like <see cref="DiagnosticCatalog"/>.
/// </summary>
internal static class PolicyCoverage
{
    /// <summary>
    /// One of the type's public prediction methods: ordinary, public, declared, with at least one parameter, returning a
    /// supported score, without a policy of its own, and not the <c>XCore</c> body of a partial <c>X</c>.
    /// </summary>
    public static bool IsCoveredPredictionMethod(INamedTypeSymbol type, IMethodSymbol method, bool hasOwnPolicy)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public || method.IsImplicitlyDeclared
            || method.Parameters.Length == 0 || !IsSupportedScore(method.ReturnType) || hasOwnPolicy)
        {
            return false;
        }

        var name = method.Name;
        return !(name.EndsWith("Core", System.StringComparison.Ordinal)
            && type.GetMembers(name.Substring(0, name.Length - 4)).OfType<IMethodSymbol>().Any(m => m.IsPartialDefinition));
    }

    /// <summary>
    /// A return type the generator implements: double, float, decimal (guarded as a double, see docs/rules/FG0001.md), or
    /// Task/ValueTask of them.
    /// </summary>
    public static bool IsSupportedScore(ITypeSymbol type)
    {
        if (IsScalarScore(type))
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>"
            && IsScalarScore(named.TypeArguments[0]);
    }

    private static bool IsScalarScore(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;
}
