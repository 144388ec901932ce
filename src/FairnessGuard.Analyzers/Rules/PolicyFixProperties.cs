using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>
/// The contract between the feature rules and their code fix: the member the policy should name, the type
/// that holds it, and (as the first additional location) the method the policy goes on.
/// </summary>
internal static class PolicyFixProperties
{
    public const string TypeKey = "PolicyType";
    public const string MemberKey = "PolicyMember";

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, Location? target, ITypeSymbol? entityType, string member, params object?[] messageArgs)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MemberKey, member)
            .Add(TypeKey, entityType is null ? null : entityType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        var additional = target is null ? null : new[] { target };
        return Diagnostic.Create(descriptor, location, additional, properties, messageArgs);
    }
}
