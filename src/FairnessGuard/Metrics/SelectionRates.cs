namespace FairnessGuard.Metrics;

/// <summary>
/// Demographic parity of decisions <c>ŷ = [y ≥ t]</c>: selection rates per group, their difference and
/// ratio, and the US "four-fifths rule" flag (a ratio under 0.8).
/// </summary>
public static class SelectionRates
{
    /// <summary>The four-fifths rule's threshold on the DP ratio.</summary>
    public const double FourFifths = 0.8;

    /// <summary>The fraction of a sorted sample at or above <paramref name="threshold"/>.</summary>
    /// <param name="sorted">Outputs sorted ascending.</param>
    /// <param name="threshold">The decision threshold t: selected when y ≥ t.</param>
    /// <returns>A rate in [0, 1]; 0 for an empty sample.</returns>
    public static double Rate(ReadOnlySpan<double> sorted, double threshold)
    {
        if (sorted.IsEmpty)
        {
            return 0;
        }

        // First index with value >= threshold.
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < threshold)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (sorted.Length - lo) / (double)sorted.Length;
    }

    /// <summary>The DP difference: the largest minus the smallest rate (0 = parity).</summary>
    /// <param name="rates">The selection rate of each group.</param>
    public static double Difference(ReadOnlySpan<double> rates)
    {
        if (rates.IsEmpty)
        {
            return 0;
        }

        double min = rates[0], max = rates[0];
        foreach (var r in rates)
        {
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }

        return max - min;
    }

    /// <summary>
    /// The DP ratio: the smallest over the largest rate (1 = parity). When no group is selected at all
    /// the groups are treated alike and the ratio is 1.
    /// </summary>
    /// <param name="rates">The selection rate of each group.</param>
    public static double Ratio(ReadOnlySpan<double> rates)
    {
        if (rates.IsEmpty)
        {
            return 1;
        }

        double min = rates[0], max = rates[0];
        foreach (var r in rates)
        {
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }

        return max == 0 ? 1 : min / max;
    }
}
