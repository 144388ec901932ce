namespace FairnessGuard.Monitoring;

/// <summary>
/// What a guard did with every output it was given: each output is counted once, either as produced by the
/// map (<see cref="Mapped"/>, of which <see cref="Changed"/> differ from the raw value) or as passed through
/// for one reason.
/// </summary>
/// <param name="Predictions">Outputs seen (non-finite ones included).</param>
/// <param name="Mapped">Outputs the current map produced.</param>
/// <param name="Changed">Mapped outputs that differ from the raw output (what a user would call "corrected").</param>
/// <param name="WarmUpPassThroughs">Returned unchanged: no map yet for the group (warm-up).</param>
/// <param name="MonitorPassThroughs">Returned unchanged: the policy only monitors.</param>
/// <param name="NoHarmPassThroughs">Returned unchanged: the raw outputs are not confirmed unfair (<see cref="Guard.ParityGuardOptions.NoHarmWhenFair"/>).</param>
/// <param name="NonFinite">NaN or ±∞, returned unchanged.</param>
/// <param name="Faults">Returned unchanged because the guard failed on the call.</param>
/// <param name="DriftRestarts">Times drift restarted a group's estimate.</param>
public sealed record GuardCounts(
    long Predictions,
    long Mapped,
    long Changed,
    long WarmUpPassThroughs,
    long MonitorPassThroughs,
    long NoHarmPassThroughs,
    long NonFinite,
    long Faults,
    long DriftRestarts)
{
    /// <summary>Nothing seen yet.</summary>
    public static GuardCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Outputs returned exactly as given, for any reason.</summary>
    public long Unchanged => Predictions - Changed;
}
