namespace FairnessGuard.Distributions;

/// <summary>
/// A sorted (item, cumulative weight) view of a distribution, DataSketches' <c>SortedView</c>: items ascending,
/// <c>CumulativeWeightAt(i)</c> the total weight of <c>Items[0..i]</c>. Items of unit weight (an exact sample) need
/// no weights: the cumulative weight of item i is then i + 1 and ties may repeat. Every rank, quantile and exact
/// distance of <see cref="IScoreDistribution"/> is computed here once; nothing allocates.
/// </summary>
public readonly ref struct SortedWeights
{
    private readonly ReadOnlySpan<long> _cumulative;

    /// <summary>A weighted view.</summary>
    /// <param name="items">Items, ascending (ties may repeat or be collapsed).</param>
    /// <param name="cumulativeWeights">Running totals of the items' weights, same length, or empty for unit weights.</param>
    /// <param name="totalWeight">The total weight (the last cumulative weight, or the item count for unit weights).</param>
    /// <exception cref="ArgumentException">The lengths disagree.</exception>
    public SortedWeights(ReadOnlySpan<double> items, ReadOnlySpan<long> cumulativeWeights, long totalWeight)
    {
        if (!cumulativeWeights.IsEmpty && cumulativeWeights.Length != items.Length)
        {
            throw new ArgumentException("cumulativeWeights must be empty or as long as items.", nameof(cumulativeWeights));
        }

        Items = items;
        _cumulative = cumulativeWeights;
        TotalWeight = totalWeight;
    }

    /// <summary>The items, ascending.</summary>
    public ReadOnlySpan<double> Items { get; }

    /// <summary>The running totals of the weights; empty when every item has weight one.</summary>
    public ReadOnlySpan<long> CumulativeWeights => _cumulative;

    /// <summary>The total weight.</summary>
    public long TotalWeight { get; }

    /// <summary>Whether the view holds no weight.</summary>
    public bool IsEmpty => TotalWeight == 0 || Items.IsEmpty;

    /// <summary>The smallest item; NaN when empty.</summary>
    public double Min => IsEmpty ? double.NaN : Items[0];

    /// <summary>The largest item; NaN when empty.</summary>
    public double Max => IsEmpty ? double.NaN : Items[^1];

    /// <summary>An exact sample: sorted items of weight one each.</summary>
    /// <param name="sorted">The items, ascending.</param>
    /// <returns>The view.</returns>
    public static SortedWeights Unit(ReadOnlySpan<double> sorted) => new(sorted, default, sorted.Length);

    /// <summary>The total weight of <c>Items[0..i]</c> (inclusive).</summary>
    /// <param name="index">An item index.</param>
    /// <returns>The cumulative weight.</returns>
    public long CumulativeWeightAt(int index) => _cumulative.IsEmpty ? index + 1 : _cumulative[index];

    /// <summary>The weight of the items at or below <paramref name="value"/> (or below it).</summary>
    /// <param name="value">The item to rank.</param>
    /// <param name="criteria">Whether the weight at <paramref name="value"/> counts.</param>
    /// <returns>A weight in [0, <see cref="TotalWeight"/>].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public long WeightUpTo(double value, SearchCriteria criteria)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Cannot rank NaN.");
        }

        var count = criteria == SearchCriteria.Inclusive ? SortedSearch.CountAtMost(Items, value) : SortedSearch.CountBelow(Items, value);
        return count == 0 ? 0 : CumulativeWeightAt(count - 1);
    }

    /// <summary>See <see cref="IScoreDistribution.GetRank"/>.</summary>
    /// <param name="value">The item to rank.</param>
    /// <param name="criteria">Whether the weight at <paramref name="value"/> counts.</param>
    /// <returns>A rank in [0, 1]; 0 when empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double GetRank(double value, SearchCriteria criteria)
    {
        var weight = WeightUpTo(value, criteria);
        return weight == 0 ? 0 : weight / (double)TotalWeight;
    }

    /// <summary>See <see cref="IScoreDistribution.GetQuantile"/>.</summary>
    /// <param name="rank">A rank in [0, 1].</param>
    /// <param name="criteria">The search criterion.</param>
    /// <returns>An item; NaN when empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is NaN or outside [0, 1].</exception>
    public double GetQuantile(double rank, SearchCriteria criteria)
    {
        if (!(rank >= 0 && rank <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "rank must be in [0, 1].");
        }

        if (IsEmpty)
        {
            return double.NaN;
        }

        if (_cumulative.IsEmpty && criteria == SearchCriteria.Inclusive)
        {
            return EmpiricalQuantile.Of(Items, rank);
        }

        // Compare with the same division GetRank uses, so GetQuantile(GetRank(x)) lands on the same entry.
        int lo = 0, hi = Items.Length - 1;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var at = CumulativeWeightAt(mid) / (double)TotalWeight;
            if (criteria == SearchCriteria.Inclusive ? at >= rank : at > rank)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return Items[lo];
    }

    /// <summary>See <see cref="IScoreDistribution.GetCdf"/>.</summary>
    /// <param name="splits">Split points, ascending.</param>
    /// <param name="cdf">Destination of length <c>splits.Length + 1</c>.</param>
    /// <param name="criteria">Whether the weight at a split point counts below it.</param>
    /// <exception cref="ArgumentException"><paramref name="cdf"/> has the wrong length.</exception>
    public void GetCdf(ReadOnlySpan<double> splits, Span<double> cdf, SearchCriteria criteria)
    {
        if (cdf.Length != splits.Length + 1)
        {
            throw new ArgumentException("cdf must have one entry more than splits.", nameof(cdf));
        }

        for (var i = 0; i < splits.Length; i++)
        {
            cdf[i] = GetRank(splits[i], criteria);
        }

        cdf[^1] = IsEmpty ? 0 : 1;
    }
}
