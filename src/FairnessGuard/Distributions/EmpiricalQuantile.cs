namespace FairnessGuard.Distributions;

/// <summary>The exact empirical quantile function of a sorted sample of unit weights (its CDF is the counts divided by n).</summary>
internal static class EmpiricalQuantile
{
    /// <summary>
    /// The empirical quantile <c>Q(r) = inf{x : F(x) ≥ r}</c>: the ⌈r·n⌉-th smallest value (the smallest for r = 0).
    /// Does not validate <paramref name="rank"/> (the correctors call it on their hot path); the sample must not be empty.
    /// </summary>
    public static double Of(ReadOnlySpan<double> sorted, double rank)
    {
        // rank = j/n computed as (j + …)/n can come back as j·(1 + 2⁻⁵²) after the multiplication; the
        // relative 1e-12 shrink keeps ⌈·⌉ from stepping to the next order statistic on such round-off.
        var k = (int)Math.Ceiling(rank * sorted.Length * (1 - 1e-12));
        return sorted[Math.Clamp(k - 1, 0, sorted.Length - 1)];
    }
}
