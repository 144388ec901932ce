namespace FairnessGuard.Metrics;

/// <summary>
/// Confidence bands from the Dvoretzky–Kiefer–Wolfowitz inequality (with Massart's constant): with
/// probability at least <c>1 − δ</c> an empirical CDF of <c>n</c> samples is within
/// <c>sqrt(ln(2/δ) / (2n))</c> of the true CDF everywhere.
/// </summary>
public static class DkwBound
{
    /// <summary>The half-width of the DKW band for <paramref name="n"/> samples at failure probability <paramref name="delta"/>.</summary>
    /// <param name="n">The sample size (positive).</param>
    /// <param name="delta">The failure probability δ in (0, 1).</param>
    /// <returns>The band half-width ε; +∞ when <paramref name="n"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not in (0, 1) or <paramref name="n"/> is negative.</exception>
    public static double Epsilon(long n, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be in (0, 1).");
        }

        return n == 0 ? double.PositiveInfinity : Math.Sqrt(Math.Log(2 / delta) / (2.0 * n));
    }

    /// <summary>
    /// A lower confidence bound on the true KS distance between two groups' distributions, given the
    /// measured distance <paramref name="ks"/> on <paramref name="n1"/> and <paramref name="n2"/> samples.
    /// </summary>
    /// <remarks>
    /// The bound holds for every pair of a family of <paramref name="familySize"/> groups at once with
    /// probability at least <paramref name="confidence"/>: the failure probability is split evenly over
    /// the family's bands (union bound), so the maximum over pairs of these bounds is itself a valid lower
    /// bound of the true KS unfairness. For a single pair use the default family of two.
    /// </remarks>
    /// <param name="ks">The measured KS distance.</param>
    /// <param name="n1">The first group's sample size.</param>
    /// <param name="n2">The second group's sample size.</param>
    /// <param name="confidence">The confidence 1 − δ, in (0, 1); 0.95 by default.</param>
    /// <param name="familySize">How many groups' bands must hold at once (at least 2).</param>
    /// <returns>max(0, ks − ε(n1) − ε(n2)); 0 when a group is empty.</returns>
    public static double KsLowerBound(double ks, long n1, long n2, double confidence = 0.95, int familySize = 2)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(familySize, 2);
        var delta = (1 - confidence) / familySize;
        var bound = ks - Epsilon(n1, delta) - Epsilon(n2, delta);
        return bound > 0 ? bound : 0;
    }
}
