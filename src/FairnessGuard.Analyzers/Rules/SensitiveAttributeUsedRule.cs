using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0004 (opt-in): a sensitive attribute used directly as a feature, with no output constraint.</summary>
internal static class SensitiveAttributeUsedRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.SensitiveAttributeUsed,
        title: "Sensitive attribute used directly as a feature with no output constraint",
        messageFormat: "'{0}' is used directly as a feature and nothing constrains the model's outputs (disparate treatment): add an output policy or justify the use",
        category: RuleCategories.Fairness,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: false,
        description: "Using a protected attribute as an input is disparate treatment, a different defect from unawareness; it is sometimes lawful and intended, so the rule is opt-in.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitiveAttributeUsed));

    public static Diagnostic Create(FeatureFinding finding, Location? target) =>
        PolicyFixProperties.Create(Descriptor, finding.Location, target, finding.EntityType, finding.MemberName, finding.Attribute);
}
