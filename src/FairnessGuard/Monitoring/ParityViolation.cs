namespace FairnessGuard.Monitoring;

/// <summary>
/// A demographic-parity violation: the confidence lower bound of the KS gap between two groups' returned
/// outputs exceeded the policy's tolerance.
/// </summary>
/// <param name="PolicyName">The policy.</param>
/// <param name="MethodName">The guarded method, if known.</param>
/// <param name="Timestamp">When it was detected.</param>
/// <param name="Mode">Whether the guard was correcting or only monitoring.</param>
/// <param name="FirstGroup">One group of the widest gap.</param>
/// <param name="SecondGroup">The other group.</param>
/// <param name="Gap">The KS distance between the two groups' returned outputs.</param>
/// <param name="LowerBound">Its lower bound at <paramref name="Confidence"/> (DKW and sketch error subtracted).</param>
/// <param name="Tolerance">The policy's tolerance that the bound exceeded.</param>
/// <param name="Confidence">The confidence of the bound.</param>
/// <param name="FirstCount">Returned outputs of the first group the gap was measured on (past 8,192 a random 1-in-8 subsample).</param>
/// <param name="SecondCount">Returned outputs of the second group the gap was measured on.</param>
/// <param name="RawGap">The KS distance between the two groups' raw outputs, before any correction.</param>
public sealed record ParityViolation(
    string PolicyName,
    string? MethodName,
    DateTimeOffset Timestamp,
    PolicyMode Mode,
    string FirstGroup,
    string SecondGroup,
    double Gap,
    double LowerBound,
    double Tolerance,
    double Confidence,
    long FirstCount,
    long SecondCount,
    double RawGap);
