using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0004 (opt-in): a sensitive attribute used directly as a feature, with no output constraint.</summary>
internal static class SensitiveAttributeUsedRule
{
    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.SensitiveAttributeUsed;

    public static Diagnostic Create(FeatureFinding finding, Location? target) =>
        PolicyFixProperties.Create(Descriptor, finding, target, finding.EntityType, finding.MemberName, finding.Attribute);
}
