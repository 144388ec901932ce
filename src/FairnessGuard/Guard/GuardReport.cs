using FairnessGuard.Monitoring;

namespace FairnessGuard.Guard;

/// <summary>What a guard measured: parity of raw and returned outputs, per group and overall.</summary>
/// <param name="PolicyName">The policy.</param>
/// <param name="Mode">Enforce or monitor.</param>
/// <param name="Timestamp">When the report was computed.</param>
/// <param name="MapVersion">The barycenter map in use (0 before the first one).</param>
/// <param name="GroupsInPlay">Groups the current map corrects (0 or ≥ 2).</param>
/// <param name="Groups">Per-group measures, by order of first appearance.</param>
/// <param name="Thresholds">The thresholds of the selection rates.</param>
/// <param name="RawKs">KS unfairness (largest pairwise gap) of the raw outputs.</param>
/// <param name="ReturnedKs">KS unfairness of the outputs returned to callers.</param>
/// <param name="ReturnedKsLowerBound">Its lower bound at <paramref name="Confidence"/>: DKW bands (δ split over the groups) and the sketches' rank-error bounds subtracted.</param>
/// <param name="WidestPair">The two groups of <paramref name="ReturnedKs"/>, if there are two groups with samples.</param>
/// <param name="Confidence">The confidence of the lower bound.</param>
/// <param name="EstimatedBytes">Memory held by the guard's group state.</param>
public sealed record GuardReport(
    string PolicyName,
    PolicyMode Mode,
    DateTimeOffset Timestamp,
    long MapVersion,
    int GroupsInPlay,
    IReadOnlyList<GroupParity> Groups,
    IReadOnlyList<double> Thresholds,
    double RawKs,
    double ReturnedKs,
    double ReturnedKsLowerBound,
    (string First, string Second)? WidestPair,
    double Confidence,
    long EstimatedBytes)
{
    /// <summary>What the guard did with every output so far (changed, passed through and why).</summary>
    public GuardCounts Counts { get; init; } = GuardCounts.Zero;

    /// <summary>The report for a guard that has seen nothing.</summary>
    internal static GuardReport Empty(ParityGuardOptions options, DateTimeOffset now) =>
        new(options.PolicyName, options.Mode, now, 0, 0, [], options.Thresholds, 0, 0, 0, null, options.Confidence, 0);
}
