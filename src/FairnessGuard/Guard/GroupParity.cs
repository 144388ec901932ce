namespace FairnessGuard.Guard;

/// <summary>One group's counts and distribution measures in a <see cref="GuardReport"/>.</summary>
/// <param name="Group">The group's label (the key's text, or the overflow/unknown label).</param>
/// <param name="Samples">Finite outputs in the group's current distribution (within the drift horizon).</param>
/// <param name="Predictions">Outputs seen, all time (non-finite ones included).</param>
/// <param name="Corrections">Outputs corrected.</param>
/// <param name="WarmUpPassThroughs">Outputs returned unchanged because the group (or the barycenter) was still warming up.</param>
/// <param name="MonitorPassThroughs">Outputs returned unchanged because the policy only monitors.</param>
/// <param name="NonFinite">NaN or infinite outputs, returned unchanged and not measured.</param>
/// <param name="InPlay">Whether the group is in the current barycenter map (warmed up).</param>
/// <param name="RawKsToPool">KS between the group's raw outputs and all raw outputs.</param>
/// <param name="ReturnedKsToPool">KS between the group's returned outputs and all returned outputs.</param>
/// <param name="RawW1ToPool">W1 between the group's raw outputs and the raw pool, in output units.</param>
/// <param name="ReturnedW1ToPool">W1 between the group's returned outputs and the returned pool.</param>
/// <param name="RawSelectionRates">Share of raw outputs at or above each threshold of the policy.</param>
/// <param name="ReturnedSelectionRates">Share of returned outputs at or above each threshold.</param>
public sealed record GroupParity(
    string Group,
    long Samples,
    long Predictions,
    long Corrections,
    long WarmUpPassThroughs,
    long MonitorPassThroughs,
    long NonFinite,
    bool InPlay,
    double RawKsToPool,
    double ReturnedKsToPool,
    double RawW1ToPool,
    double ReturnedW1ToPool,
    IReadOnlyList<double> RawSelectionRates,
    IReadOnlyList<double> ReturnedSelectionRates);
