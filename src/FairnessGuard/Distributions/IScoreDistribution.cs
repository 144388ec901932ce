namespace FairnessGuard.Distributions;

/// <summary>
/// A weighted distribution of scores on the line, exact or estimated: the queries DataSketches' quantiles API
/// offers (rank, quantile and CDF with explicit <see cref="SearchCriteria"/>) and the sorted (item, cumulative
/// weight) view every exact distance and sweep is computed from. Implemented by exact sorted samples
/// (<see cref="SortedSample"/>), the KLL sketch and its sorted view, and the pool of several distributions.
/// </summary>
public interface IScoreDistribution
{
    /// <summary>Total weight (the number of items for an exact sample, the stream length for a sketch).</summary>
    long TotalWeight { get; }

    /// <summary>Whether the distribution holds no weight.</summary>
    bool IsEmpty { get; }

    /// <summary>The smallest item; NaN when empty.</summary>
    double Min { get; }

    /// <summary>The largest item; NaN when empty.</summary>
    double Max { get; }

    /// <summary>The normalized rank of <paramref name="value"/>: the weight at or below it (or below it) over the total; 0 when empty.</summary>
    /// <param name="value">The item to rank.</param>
    /// <param name="criteria">Whether the weight at <paramref name="value"/> counts.</param>
    /// <returns>A rank in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    double GetRank(double value, SearchCriteria criteria);

    /// <summary>The item at normalized rank <paramref name="rank"/> (see <see cref="SearchCriteria"/>); NaN when empty.</summary>
    /// <param name="rank">A rank in [0, 1].</param>
    /// <param name="criteria">The search criterion.</param>
    /// <returns>A retained item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is NaN or outside [0, 1].</exception>
    double GetQuantile(double rank, SearchCriteria criteria);

    /// <summary>
    /// The CDF at ascending split points: <c>cdf[i] = GetRank(splits[i], criteria)</c> and a last entry 1
    /// (the whole mass), as DataSketches' <c>getCDF</c>. Allocates nothing.
    /// </summary>
    /// <param name="splits">Split points, ascending, not NaN.</param>
    /// <param name="cdf">Destination of length <c>splits.Length + 1</c>.</param>
    /// <param name="criteria">Whether the weight at a split point counts below it.</param>
    /// <exception cref="ArgumentException"><paramref name="cdf"/> has the wrong length.</exception>
    void GetCdf(ReadOnlySpan<double> splits, Span<double> cdf, SearchCriteria criteria);

    /// <summary>The sorted (item, cumulative weight) view the distances and sweeps walk; valid while the distribution is unchanged.</summary>
    /// <returns>The view.</returns>
    SortedWeights GetSortedWeights();
}
