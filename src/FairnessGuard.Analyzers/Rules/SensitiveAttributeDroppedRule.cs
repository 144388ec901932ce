using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0001: a sensitive attribute available on the model's input is dropped, and nothing constrains the outputs.</summary>
internal static class SensitiveAttributeDroppedRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.SensitiveAttributeDropped,
        title: "Sensitive attribute dropped without an output constraint",
        messageFormat: "'{0}' is available on {1} but is {2}, and nothing constrains the model's outputs: dropping it does not make the model fair, state the requirement on the outputs instead, such as [DemographicParity({3})]",
        category: RuleCategories.Fairness,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Fairness through unawareness: proxies still carry the dropped attribute, and nothing measures the outputs any more. Add an output policy (a FairnessConstraintAttribute such as DemographicParity) to the prediction method, its type or its assembly.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitiveAttributeDropped));

    public static Diagnostic Create(FeatureFinding finding, Location? target)
    {
        var policyMember = finding.EntityType is null ? $"\"{finding.MemberName}\"" : $"nameof({finding.EntityType.Name}.{finding.MemberName})";
        return PolicyFixProperties.Create(Descriptor, finding.Location, target, finding.EntityType, finding.MemberName,
            finding.Attribute, finding.AvailableOn, finding.How, policyMember);
    }
}
