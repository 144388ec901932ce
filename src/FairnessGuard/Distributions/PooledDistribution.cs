namespace FairnessGuard.Distributions;

/// <summary>The weighted items of several distributions merged into one sorted, weighted sample (the pool of all groups).</summary>
internal sealed class PooledDistribution : IScoreDistribution
{
    private readonly double[] _values;
    private readonly long[] _cumulative;

    /// <summary>Wraps sorted values and their cumulative weights (ties may repeat or be collapsed).</summary>
    internal PooledDistribution(double[] values, long[] cumulative, long total)
    {
        _values = values;
        _cumulative = cumulative;
        TotalWeight = total;
    }

    public long TotalWeight { get; }

    public bool IsEmpty => TotalWeight == 0;

    public double Min => GetSortedWeights().Min;

    public double Max => GetSortedWeights().Max;

    /// <summary>Pools the distributions: every item with its own weight, sorted.</summary>
    public static PooledDistribution Of(IReadOnlyList<IScoreDistribution> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.GetSortedWeights().Items.Length;
        }

        var values = new double[length];
        var weights = new long[length];
        var at = 0;
        foreach (var part in parts)
        {
            var view = part.GetSortedWeights();
            for (var i = 0; i < view.Items.Length; i++, at++)
            {
                values[at] = view.Items[i];
                weights[at] = view.CumulativeWeightAt(i) - (i == 0 ? 0 : view.CumulativeWeightAt(i - 1));
            }
        }

        Array.Sort(values, weights);
        long total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            weights[i] = total;
        }

        return new PooledDistribution(values, weights, total);
    }

    public double GetRank(double value, SearchCriteria criteria) => GetSortedWeights().GetRank(value, criteria);

    public double GetQuantile(double rank, SearchCriteria criteria) => GetSortedWeights().GetQuantile(rank, criteria);

    public void GetCdf(ReadOnlySpan<double> splits, Span<double> cdf, SearchCriteria criteria) => GetSortedWeights().GetCdf(splits, cdf, criteria);

    public SortedWeights GetSortedWeights() => new(_values, _cumulative, TotalWeight);
}
