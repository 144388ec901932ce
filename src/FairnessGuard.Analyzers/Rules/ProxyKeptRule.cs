using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0002: a known proxy is kept as a feature while a sensitive attribute is dropped.</summary>
internal static class ProxyKeptRule
{
    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.ProxyKept;

    public static Diagnostic Create(FeatureFinding proxy, Location? target)
    {
        var dropped = proxy.DroppedFinding!;
        return PolicyFixProperties.Create(Descriptor, proxy, target, dropped.EntityType, dropped.MemberName,
            proxy.Attribute, proxy.How, proxy.DroppedAttribute);
    }
}
