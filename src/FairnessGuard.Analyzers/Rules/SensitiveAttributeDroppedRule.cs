using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0001: a sensitive attribute available on the model's input is dropped, and nothing constrains the outputs.</summary>
internal static class SensitiveAttributeDroppedRule
{
    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.SensitiveAttributeDropped;

    public static Diagnostic Create(FeatureFinding finding, Location? target)
    {
        var policyMember = finding.EntityType is null ? $"\"{finding.MemberName}\"" : $"nameof({finding.EntityType.Name}.{finding.MemberName})";
        var suggestion = finding.FromPipeline
            ? $".Append(mlContext.Transforms.DemographicParity(groupColumnName: \"{finding.GroupColumn ?? finding.MemberName}\")) after the trainer, or [DemographicParity({policyMember})] on the method that returns the score"
            : $"[DemographicParity({policyMember})]";
        return PolicyFixProperties.Create(Descriptor, finding, target, finding.EntityType, finding.MemberName,
            finding.Attribute, finding.AvailableOn, finding.How, suggestion);
    }
}
