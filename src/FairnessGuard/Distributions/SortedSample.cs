namespace FairnessGuard.Distributions;

/// <summary>An exact sample as a distribution: its finite values sorted ascending, each of weight one.</summary>
public sealed class SortedSample : IScoreDistribution
{
    private readonly double[] _sorted;

    /// <summary>Copies and sorts <paramref name="values"/>.</summary>
    /// <param name="values">The sample, in any order.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public SortedSample(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Every value must be finite.", nameof(values));
            }
        }

        _sorted = values.ToArray();
        Array.Sort(_sorted);
    }

    private SortedSample(double[] sorted) => _sorted = sorted;

    /// <summary>The values, ascending.</summary>
    public ReadOnlySpan<double> Values => _sorted;

    /// <inheritdoc/>
    public long TotalWeight => _sorted.Length;

    /// <inheritdoc/>
    public bool IsEmpty => _sorted.Length == 0;

    /// <inheritdoc/>
    public double Min => GetSortedWeights().Min;

    /// <inheritdoc/>
    public double Max => GetSortedWeights().Max;

    /// <inheritdoc/>
    public double GetRank(double value, SearchCriteria criteria) => GetSortedWeights().GetRank(value, criteria);

    /// <inheritdoc/>
    public double GetQuantile(double rank, SearchCriteria criteria) => GetSortedWeights().GetQuantile(rank, criteria);

    /// <inheritdoc/>
    public void GetCdf(ReadOnlySpan<double> splits, Span<double> cdf, SearchCriteria criteria) => GetSortedWeights().GetCdf(splits, cdf, criteria);

    /// <inheritdoc/>
    public SortedWeights GetSortedWeights() => SortedWeights.Unit(_sorted);

    /// <summary>Wraps an array already sorted ascending and finite, without copying (the caller keeps it unchanged).</summary>
    internal static SortedSample Wrap(double[] sorted) => new(sorted);
}
