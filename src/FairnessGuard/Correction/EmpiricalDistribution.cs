namespace FairnessGuard.Correction;

/// <summary>The exact empirical CDF and quantile function of a sorted sample, by binary search.</summary>
internal static class EmpiricalDistribution
{
    /// <summary>The number of values strictly below <paramref name="y"/> (n·F(y−)).</summary>
    public static int CountBelow(ReadOnlySpan<double> sorted, double y)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < y)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The number of values at or below <paramref name="y"/> (n·F(y)), searching from <paramref name="from"/>.</summary>
    public static int CountAtOrBelow(ReadOnlySpan<double> sorted, double y, int from)
    {
        int lo = from, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= y)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

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
