using FairnessGuard.Sketches;

namespace FairnessGuard.Monitoring;

/// <summary>The weighted items of several sketch views merged into one sorted, weighted sample (the pool of all groups).</summary>
internal sealed class PooledDistribution
{
    /// <summary>Wraps sorted values and their cumulative weights (ties may repeat or be collapsed).</summary>
    internal PooledDistribution(double[] values, long[] cumulative, long total)
    {
        Values = values;
        Cumulative = cumulative;
        Total = total;
    }

    public double[] Values { get; }

    public long[] Cumulative { get; }

    public long Total { get; }

    public static PooledDistribution Of(IReadOnlyList<SortedView> views)
    {
        var length = 0;
        foreach (var v in views)
        {
            length += v.Values.Length;
        }

        var values = new double[length];
        var weights = new long[length];
        var at = 0;
        foreach (var v in views)
        {
            var cumulative = v.CumulativeWeights;
            for (var i = 0; i < cumulative.Length; i++, at++)
            {
                values[at] = v.Values[i];
                weights[at] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
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
}
