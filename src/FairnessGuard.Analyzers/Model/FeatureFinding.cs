using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>What a feature-flow reader saw: a sensitive attribute dropped or used, or a proxy kept.</summary>
internal enum FindingKind
{
    Dropped,
    ProxyKept,
    UsedDirectly,
}

/// <summary>One observation about a model's features, before the output-constraint check.</summary>
internal sealed class FeatureFinding
{
    public FeatureFinding(FindingKind kind, Location location, string attribute, string availableOn, string how, ITypeSymbol? entityType, string memberName)
    {
        Kind = kind;
        Location = location;
        Attribute = attribute;
        AvailableOn = availableOn;
        How = how;
        EntityType = entityType;
        MemberName = memberName;
    }

    public FindingKind Kind { get; }

    public Location Location { get; }

    /// <summary>The attribute as shown to the user: <c>Applicant.Gender</c>, or a column name.</summary>
    public string Attribute { get; }

    /// <summary>Where it was available: "the input type 'LoanInput'", "parameter 'applicant'".</summary>
    public string AvailableOn { get; }

    /// <summary>Where and how it was dropped or kept.</summary>
    public string How { get; }

    /// <summary>The type whose member holds the attribute, when known (for <c>nameof(T.Member)</c>).</summary>
    public ITypeSymbol? EntityType { get; }

    public string MemberName { get; }

    /// <summary>For a proxy finding, the dropped sensitive attribute it stands in for.</summary>
    public string? DroppedAttribute { get; set; }

    /// <summary>For a proxy finding, the dropped member name and type (the policy to add).</summary>
    public FeatureFinding? DroppedFinding { get; set; }

    /// <summary>True when the finding comes from an ML.NET pipeline: the fix goes into the pipeline, never on the method.</summary>
    public bool FromPipeline { get; set; }

    /// <summary>For a pipeline finding, the pipeline's one trainer call (the fix appends the parity estimator after it).</summary>
    public SyntaxNode? Trainer { get; set; }

    /// <summary>
    /// For a pipeline finding, true when the pipeline removes the column from the data (<c>DropColumns</c>,
    /// <c>SelectColumns</c>, <c>[NoColumn]</c>): an estimator appended after the trainer cannot group by it.
    /// </summary>
    public bool RemovedFromData { get; set; }

    /// <summary>For a pipeline finding, the column name of the dropped attribute (the estimator's group column).</summary>
    public string? GroupColumn { get; set; }

    /// <summary>
    /// False when the finding rests on a heuristic that cannot be sure (e.g. a model input inferred from the
    /// compilation's candidates): reported at Info severity, never as a warning.
    /// </summary>
    public bool Certain { get; set; } = true;
}
