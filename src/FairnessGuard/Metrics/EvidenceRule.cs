namespace FairnessGuard.Metrics;

/// <summary>
/// How many rows a group needs before an audit can say anything about it. The KS lower bound of a pair is
/// <c>KS − ε(n₁) − ε(n₂)</c> with the DKW radius <c>ε(n) = √(ln(2k/δ) / 2n)</c> (δ split over the k groups).
/// KS is at most 1, so a group with <c>ε(n) ≥ 1 − tolerance</c> can never show a violation, however large the
/// other group and however unfair the data: passing it would be a verdict on no evidence.
/// </summary>
public static class EvidenceRule
{
    /// <summary>The smallest group size whose DKW radius is below <c>1 − tolerance</c>: <c>⌊ln(2k/δ) / (2(1 − tolerance)²)⌋ + 1</c>.</summary>
    /// <param name="tolerance">The KS tolerance, in [0, 1).</param>
    /// <param name="confidence">The confidence 1 − δ, in (0, 1).</param>
    /// <param name="groups">The number of groups k the confidence is split over (at least 2).</param>
    /// <returns>The minimum number of rows.</returns>
    public static long MinimumGroupSize(double tolerance, double confidence, int groups)
    {
        if (!(tolerance >= 0 && tolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be in [0, 1).");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1).");
        }

        var k = Math.Max(groups, 2);
        var delta = (1 - confidence) / k;
        var n = Math.Log(2 / delta) / (2 * (1 - tolerance) * (1 - tolerance));
        return (long)Math.Floor(n) + 1;
    }
}
