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

        var below = Distributions.SortedSearch.CountBelow(sorted, threshold);
        return (sorted.Length - below) / (double)sorted.Length;
    }

    /// <summary>The fraction of a sorted sample with the favourable outcome: at or above <paramref name="threshold"/> when high scores are favourable, below it when low ones are.</summary>
    /// <param name="sorted">Outputs sorted ascending.</param>
    /// <param name="threshold">The decision threshold t.</param>
    /// <param name="favorable">Which side of t is favourable.</param>
    /// <returns>A rate in [0, 1]; 0 for an empty sample.</returns>
    public static double Rate(ReadOnlySpan<double> sorted, double threshold, FavorableOutcome favorable)
    {
        var high = Rate(sorted, threshold);
        return favorable == FavorableOutcome.Low && !sorted.IsEmpty ? 1 - high : high;
    }

    /// <summary>The DP difference: the largest minus the smallest rate (0 = parity).</summary>
    /// <param name="rates">The selection rate of each group.</param>
    public static double Difference(ReadOnlySpan<double> rates)
    {
        var (min, max) = Range(rates);
        return max - min;
    }

    /// <summary>
    /// The DP ratio: the smallest over the largest rate (1 = parity). When no group is selected at all
    /// the groups are treated alike and the ratio is 1.
    /// </summary>
    /// <param name="rates">The selection rate of each group.</param>
    public static double Ratio(ReadOnlySpan<double> rates)
    {
        var (min, max) = Range(rates);
        return max == 0 ? 1 : min / max;
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> rates)
    {
        double min = 0, max = 0;
        for (var i = 0; i < rates.Length; i++)
        {
            min = i == 0 ? rates[i] : Math.Min(min, rates[i]);
            max = i == 0 ? rates[i] : Math.Max(max, rates[i]);
        }

        return (min, max);
    }
}
