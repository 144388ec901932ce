namespace FairnessGuard.Correction;

/// <summary>
/// The exact empirical quantile function of a sorted sample (its CDF is <see cref="Sketches.SortedSearch"/>'s
/// counts divided by n).
/// </summary>
internal static class EmpiricalDistribution
{
    /// <summary>
    /// The empirical quantile <c>Q(r) = inf{x : F(x) ≥ r}</c>: the ⌈r·n⌉-th smallest value (the smallest for r = 0).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double rank)
    {
        // rank = j/n computed as (j + …)/n can come back as j·(1 + 2⁻⁵²) after the multiplication; the
        // relative 1e-12 shrink keeps ⌈·⌉ from stepping to the next order statistic on such round-off.
        var k = (int)Math.Ceiling(rank * sorted.Length * (1 - 1e-12));
        return sorted[Math.Clamp(k - 1, 0, sorted.Length - 1)];
    }
}
