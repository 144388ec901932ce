namespace FairnessGuard.Metrics;

/// <summary>
/// Maximum mean discrepancy with a Gaussian kernel <c>k(a, b) = exp(−(a − b)² / (2σ²))</c>, the unbiased
/// U-statistic estimator of Gretton et al. (2012); Oneto et al. (2020) use it as a distance between
/// group output distributions. Cost is O(m·n): subsample large groups before calling.
/// </summary>
public static class MmdDistance
{
    /// <summary>The unbiased estimate of MMD² between samples <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <param name="x">The first sample (at least 2 values).</param>
    /// <param name="y">The second sample (at least 2 values).</param>
    /// <param name="bandwidth">The kernel width σ, positive and finite.</param>
    /// <returns>The estimate; it can be slightly negative when the distributions are equal.</returns>
    /// <exception cref="ArgumentException">A sample has fewer than 2 values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is not positive and finite.</exception>
    public static double UnbiasedSquared(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double bandwidth)
    {
        if (x.Length < 2 || y.Length < 2)
        {
            throw new ArgumentException($"The unbiased MMD needs at least 2 values per sample (got {x.Length} and {y.Length}).");
        }

        if (!(bandwidth > 0) || !double.IsFinite(bandwidth))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth, "bandwidth must be positive and finite.");
        }

        var gamma = 1.0 / (2 * bandwidth * bandwidth);
        double m = x.Length, n = y.Length;
        var xx = 2 * SumOffDiagonal(x, gamma) / (m * (m - 1));
        var yy = 2 * SumOffDiagonal(y, gamma) / (n * (n - 1));
        double xy = 0;
        foreach (var a in x)
        {
            foreach (var b in y)
            {
                xy += Math.Exp(-gamma * (a - b) * (a - b));
            }
        }

        return xx + yy - (2 * xy / (m * n));
    }

    /// <summary>
    /// The median heuristic for σ: the median absolute difference between pooled values (over all pairs),
    /// or 1 when that median is 0 (heavily tied data).
    /// </summary>
    /// <remarks>
    /// Exact, in O(n log n) time and O(n) memory: the pooled values are sorted, and each of the (at most two)
    /// middle order statistics of the n(n − 1)/2 differences is found by bisecting on the bits of a
    /// non-negative double (at most 64 steps), counting the differences at or below a candidate with two
    /// pointers. Rounded subtraction is monotone, so the counts — and the median — are those of the pairwise list.
    /// </remarks>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    public static double MedianHeuristic(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var pooled = new double[x.Length + y.Length];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(x.Length));
        Array.Sort(pooled);
        var pairs = (long)pooled.Length * (pooled.Length - 1) / 2;
        if (pairs == 0)
        {
            return 1;
        }

        // The median of a list of even length is the mean of its two middle values (1-based n/2 and n/2 + 1).
        var median = pairs % 2 == 1
            ? PairwiseDifferenceOrder(pooled, (pairs + 1) / 2)
            : (PairwiseDifferenceOrder(pooled, pairs / 2) + PairwiseDifferenceOrder(pooled, (pairs / 2) + 1)) / 2;
        return median > 0 ? median : 1;
    }

    // The rank-th smallest (1-based) of v[j] − v[i] over i < j, v sorted ascending: the smallest non-negative
    // double t with at least rank differences ≤ t. Non-negative doubles order like their bit patterns.
    private static double PairwiseDifferenceOrder(double[] sorted, long rank)
    {
        long lo = 0, hi = BitConverter.DoubleToInt64Bits(sorted[^1] - sorted[0]);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (CountAtMost(sorted, BitConverter.Int64BitsToDouble(mid)) >= rank)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return BitConverter.Int64BitsToDouble(lo);
    }

    // How many pairs i < j have v[j] − v[i] ≤ t (v sorted ascending).
    private static long CountAtMost(double[] sorted, double t)
    {
        long count = 0;
        var i = 0;
        for (var j = 1; j < sorted.Length; j++)
        {
            while (sorted[j] - sorted[i] > t)
            {
                i++;
            }

            count += j - i;
        }

        return count;
    }

    // Sum over i < j of k(v_i, v_j).
    private static double SumOffDiagonal(ReadOnlySpan<double> v, double gamma)
    {
        double sum = 0;
        for (var i = 0; i < v.Length; i++)
        {
            for (var j = i + 1; j < v.Length; j++)
            {
                var d = v[i] - v[j];
                sum += Math.Exp(-gamma * d * d);
            }
        }

        return sum;
    }
}
