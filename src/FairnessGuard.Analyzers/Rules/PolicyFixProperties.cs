using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FairnessGuard.Analyzers.Model;
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

    /// <summary>Which fix applies: <see cref="FixPolicy"/> (the first additional location is the method) or
    /// <see cref="FixAppendParity"/> (the first additional location is the pipeline's trainer call).</summary>
    public const string FixKey = "Fix";
    public const string FixPolicy = "Policy";
    public const string FixAppendParity = "AppendParity";

    /// <summary>For <see cref="FixAppendParity"/>: the group column the estimator reads.</summary>
    public const string GroupColumnKey = "GroupColumn";

    // One entity type is named by many findings (a class of pipelines): its display string is built once.
    private static readonly ConditionalWeakTable<ITypeSymbol, string> FullNames = new();

    public static Diagnostic Create(DiagnosticDescriptor descriptor, FeatureFinding finding, Location? target, ITypeSymbol? entityType, string member, params object?[] messageArgs)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MemberKey, member)
            .Add(TypeKey, entityType is null ? null : FullNames.GetValue(entityType, t => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
        Location[]? additional;
        var origin = finding.DroppedFinding ?? finding;
        if (origin.FromPipeline)
        {
            // A pipeline is fixed in the pipeline (after its one trainer), never by a policy on the method
            // that builds it: that method returns no score, and the policy would not compile (FG0003).
            additional = origin.Trainer is null ? null : new[] { origin.Trainer.GetLocation() };
            if (additional is not null)
            {
                properties = properties.Add(FixKey, FixAppendParity).Add(GroupColumnKey, origin.GroupColumn ?? member);
            }
        }
        else
        {
            additional = target is null ? null : new[] { target };
            if (additional is not null)
            {
                properties = properties.Add(FixKey, FixPolicy);
            }
        }

        var severity = finding.Certain && origin.Certain ? descriptor.DefaultSeverity : DiagnosticSeverity.Info;
        return Diagnostic.Create(descriptor, finding.Location, severity, additional, properties, messageArgs);
    }
}
