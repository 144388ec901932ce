using FairnessGuard.Monitoring;

namespace FairnessGuard.Guard;

/// <summary>
/// What a guard measured: parity of raw and returned outputs, per group and overall. Init-only properties,
/// not a positional record, so a new measure never breaks code that builds or reads one.
/// </summary>
public sealed record GuardReport
{
    /// <summary>The policy.</summary>
    public string PolicyName { get; init; } = string.Empty;

    /// <summary>Enforce or monitor.</summary>
    public PolicyMode Mode { get; init; }

    /// <summary>When the report was computed.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The barycenter map in use (0 before the first one).</summary>
    public long MapVersion { get; init; }

    /// <summary>Groups the current map corrects (0 or ≥ 2).</summary>
    public int GroupsInPlay { get; init; }

    /// <summary>Per-group measures, by order of first appearance.</summary>
    public IReadOnlyList<GroupParity> Groups { get; init; } = [];

    /// <summary>The thresholds of the selection rates.</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>KS unfairness (largest pairwise gap) of the raw outputs.</summary>
    public double RawKs { get; init; }

    /// <summary>KS unfairness of the outputs returned to callers.</summary>
    public double ReturnedKs { get; init; }

    /// <summary>
    /// Its lower bound at <see cref="Confidence"/>: DKW bands (δ split over the groups) and the sketches'
    /// rank-error bounds subtracted.
    /// </summary>
    public double ReturnedKsLowerBound { get; init; }

    /// <summary>The two groups of <see cref="ReturnedKs"/>, if there are two groups with samples.</summary>
    public (string First, string Second)? WidestPair { get; init; }

    /// <summary>The confidence of the lower bound.</summary>
    public double Confidence { get; init; }

    /// <summary>Memory held by the guard's group state.</summary>
    public long EstimatedBytes { get; init; }

    /// <summary>What the guard did with every output so far (changed, passed through and why).</summary>
    public GuardCounts Counts { get; init; } = GuardCounts.Zero;

    /// <summary>The report for a guard that has seen nothing.</summary>
    internal static GuardReport Empty(ParityGuardOptions options, DateTimeOffset now) =>
        new() { PolicyName = options.PolicyName, Mode = options.Mode, Timestamp = now, Thresholds = options.Thresholds, Confidence = options.Confidence };
}
