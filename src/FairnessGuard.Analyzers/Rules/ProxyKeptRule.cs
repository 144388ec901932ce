using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0002: a known proxy is kept as a feature while a sensitive attribute is dropped.</summary>
internal static class ProxyKeptRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.ProxyKept,
        title: "Proxy kept while the protected attribute is dropped",
        messageFormat: "'{0}' is a known proxy of protected attributes and is {1} while '{2}' is dropped: the model can learn '{2}' from it; constrain the outputs instead",
        category: RuleCategories.Fairness,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Postcodes, names, relationships, neighbourhoods and languages correlate with race, sex and national origin. Dropping the protected attribute while keeping them hides the attribute from review but not from the model.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ProxyKept));

    public static Diagnostic Create(FeatureFinding proxy, Location? target)
    {
        var dropped = proxy.DroppedFinding!;
        return PolicyFixProperties.Create(Descriptor, proxy.Location, target, dropped.EntityType, dropped.MemberName,
            proxy.Attribute, proxy.How, proxy.DroppedAttribute);
    }
}
