namespace FairnessGuard.Guard;

/// <summary>
/// One group's counts and distribution measures in a <see cref="GuardReport"/>. Init-only properties, not a
/// positional record, so a new measure never breaks code that builds or reads one.
/// </summary>
public sealed record GroupParity
{
    /// <summary>The group's label (the key's text, or the overflow/unknown label).</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary>Finite outputs in the group's current distribution (within the drift horizon).</summary>
    public long Samples { get; init; }

    /// <summary>Outputs seen, all time (non-finite ones included).</summary>
    public long Predictions { get; init; }

    /// <summary>Outputs corrected.</summary>
    public long Corrections { get; init; }

    /// <summary>Outputs returned unchanged because the group (or the barycenter) was still warming up.</summary>
    public long WarmUpPassThroughs { get; init; }

    /// <summary>Outputs returned unchanged because the policy only monitors.</summary>
    public long MonitorPassThroughs { get; init; }

    /// <summary>NaN or infinite outputs, returned unchanged and not measured.</summary>
    public long NonFinite { get; init; }

    /// <summary>Whether the group is in the current barycenter map (warmed up).</summary>
    public bool InPlay { get; init; }

    /// <summary>KS between the group's raw outputs and all raw outputs.</summary>
    public double RawKsToPool { get; init; }

    /// <summary>KS between the group's returned outputs and all returned outputs.</summary>
    public double ReturnedKsToPool { get; init; }

    /// <summary>W1 between the group's raw outputs and the raw pool, in output units.</summary>
    public double RawW1ToPool { get; init; }

    /// <summary>W1 between the group's returned outputs and the returned pool.</summary>
    public double ReturnedW1ToPool { get; init; }

    /// <summary>Share of raw outputs at or above each threshold of the policy.</summary>
    public IReadOnlyList<double> RawSelectionRates { get; init; } = [];

    /// <summary>Share of returned outputs at or above each threshold.</summary>
    public IReadOnlyList<double> ReturnedSelectionRates { get; init; } = [];
}
