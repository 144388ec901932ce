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
        var column = finding.GroupColumn ?? finding.MemberName;
        var append = $".Append(mlContext.Transforms.DemographicParity(groupColumnName: \"{column}\")) after the trainer";

        // A column the pipeline removes is gone when the appended estimator runs: the message says what the fix
        // really takes (keep the column in the data; leaving it out of the features already keeps it from the
        // model) instead of suggesting an estimator that could not read it (and no code fix is offered then).
        var suggestion = !finding.FromPipeline
            ? $"[DemographicParity({policyMember})]"
            : finding.RemovedFromData
                ? $"[DemographicParity({policyMember})] on the method that returns the score, or keep '{column}' in the data (leaving it out of Concatenate(\"Features\", …) already keeps it from the model) and {append}"
                : $"{append}, or [DemographicParity({policyMember})] on the method that returns the score";
        return PolicyFixProperties.Create(Descriptor, finding, target, finding.EntityType, finding.MemberName,
            finding.Attribute, finding.AvailableOn, finding.How, suggestion);
    }
}
