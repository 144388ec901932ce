using System.Buffers;
using FairnessGuard.Distributions;

namespace FairnessGuard.Sketches;

/// <summary>
/// An immutable sorted snapshot of a <see cref="QuantileSketch"/>: its distinct retained values in ascending
/// order, each with the exact total weight of retained items at or below it. Equal values are collapsed
/// into one entry, so <see cref="Values"/> is strictly increasing and every entry is an atom of the estimated
/// distribution. Queries are binary searches and allocate nothing; the view is safe to share across threads.
/// </summary>
public sealed class SortedView : IScoreDistribution
{
    private readonly double[] _values;
    private readonly long[] _cumulativeWeights;
    private readonly int _offset;
    private readonly int _length;
    private readonly bool _inArena;

    private SortedView(double[] values, long[] cumulativeWeights, int offset, int length, long totalWeight, bool inArena)
    {
        _values = values;
        _cumulativeWeights = cumulativeWeights;
        _offset = offset;
        _length = length;
        TotalWeight = totalWeight;
        _inArena = inArena;
    }

    /// <summary>Distinct retained values, strictly ascending.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(_offset, _length);

    /// <summary><c>CumulativeWeights[i]</c> is the total weight of items <c>&lt;= Values[i]</c>; strictly increasing.</summary>
    public ReadOnlySpan<long> CumulativeWeights => _cumulativeWeights.AsSpan(_offset, _length);

    /// <summary>Total weight: the sketch's <see cref="QuantileSketch.Count"/> when the view was taken.</summary>
    public long TotalWeight { get; }

    /// <inheritdoc/>
    public bool IsEmpty => TotalWeight == 0;

    /// <summary>The smallest retained value (the sketch's exact minimum may be smaller); NaN when empty.</summary>
    public double Min => GetSortedWeights().Min;

    /// <summary>The largest retained value (the sketch's exact maximum may be larger); NaN when empty.</summary>
    public double Max => GetSortedWeights().Max;

    internal long EstimatedBytes => _inArena
        ? HeapSize.Object((2 * 8) + 8 + 12) + (_length * (sizeof(double) + sizeof(long)))
        : HeapSize.Object((2 * 8) + 8 + 12) + HeapSize.Array(_values.Length, sizeof(double)) + HeapSize.Array(_cumulativeWeights.Length, sizeof(long));

    /// <summary>Fraction of weight <c>&lt;= value</c>, in [0, 1]; 0 when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double GetRank(double value) => GetSortedWeights().GetRank(value, SearchCriteria.Inclusive);

    /// <summary>Fraction of weight <c>&lt; value</c> (the left limit F(y−)), in [0, 1]; 0 when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double GetRankExclusive(double value) => GetSortedWeights().GetRank(value, SearchCriteria.Exclusive);

    /// <summary>The smallest value whose <see cref="GetRank(double)"/> is at least <paramref name="rank"/>; NaN when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is NaN or outside [0, 1].</exception>
    public double GetQuantile(double rank) => GetSortedWeights().GetQuantile(rank, SearchCriteria.Inclusive);

    /// <inheritdoc/>
    public double GetRank(double value, SearchCriteria criteria) => GetSortedWeights().GetRank(value, criteria);

    /// <inheritdoc/>
    public double GetQuantile(double rank, SearchCriteria criteria) => GetSortedWeights().GetQuantile(rank, criteria);

    /// <inheritdoc/>
    public void GetCdf(ReadOnlySpan<double> splits, Span<double> cdf, SearchCriteria criteria) => GetSortedWeights().GetCdf(splits, cdf, criteria);

    /// <inheritdoc/>
    public SortedWeights GetSortedWeights() => new(Values, CumulativeWeights, TotalWeight);

    internal static void ValidateRank(double rank)
    {
        if (!(rank >= 0 && rank <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "rank must be in [0, 1].");
        }
    }

    /// <summary>
    /// Builds the view from a packed level stack (level h has weight 2^h). Levels 1 and up are already
    /// sorted, so they are merged into a run growing from the end of the output, smallest levels first
    /// (O(k) work in all, as the sizes grow geometrically); only level 0 is sorted, in a pooled scratch
    /// buffer so that the sketch itself is never reordered by a read — and of level 0 only the items before its
    /// last <paramref name="sortedTail"/>, which are already ascending (QuantileSketch.SortLevel0).
    /// </summary>
    /// <param name="packedItems">The sketch's retained items, level 0 first.</param>
    /// <param name="levels">The level boundaries.</param>
    /// <param name="totalWeight">The sketch's count.</param>
    /// <param name="sortedTail">How many of level 0's last items are ascending.</param>
    /// <param name="pooled">Rent the arrays (the caller hands them back with <see cref="ReturnToPool"/> once done with the view).</param>
    /// <param name="arena">Cut the arrays from this arena when they fit (the view lives until the arena is released).</param>
    internal static SortedView Build(ReadOnlySpan<double> packedItems, ReadOnlySpan<int> levels, long totalWeight, int sortedTail = 0, bool pooled = false, ViewArena? arena = null)
    {
        var count = packedItems.Length;
        double[] valueArray = [];
        long[] weightArray = [];
        var start = 0;
        var inArena = arena is not null && arena.TryClaim(count, out valueArray, out weightArray, out start);
        if (!inArena)
        {
            valueArray = pooled ? ArrayPool<double>.Shared.Rent(count) : new double[count];
            weightArray = pooled ? ArrayPool<long>.Shared.Rent(count) : new long[count];
            start = 0;
        }

        var values = valueArray.AsSpan(start, count);
        var weights = weightArray.AsSpan(start, count);
        var offset = levels[0];
        var runStart = count;
        for (var level = 1; level < levels.Length - 1; level++)
        {
            var run = packedItems[(levels[level] - offset)..(levels[level + 1] - offset)];
            MergeIntoRun(run, 1L << level, values, weights, ref runStart);
        }

        var level0 = packedItems[..(levels[1] - offset)];
        var fresh = level0.Length - Math.Min(sortedTail, level0.Length);
        var scratch = ArrayPool<double>.Shared.Rent(Math.Max(level0.Length + fresh, 1));
        var sorted = scratch.AsSpan(0, level0.Length);
        if (fresh == level0.Length)
        {
            level0.CopyTo(sorted);
            sorted.Sort();
        }
        else
        {
            // Only the items newer than the sorted run are sorted; the two runs are merged.
            var newer = scratch.AsSpan(level0.Length, fresh);
            level0[..fresh].CopyTo(newer);
            newer.Sort();
            Distributions.SortedSearch.Merge(newer, level0[fresh..], sorted);
        }

        MergeIntoRun(sorted, 1, values, weights, ref runStart);
        ArrayPool<double>.Shared.Return(scratch);

        // Collapse ties in place and accumulate: entry i ends up holding the weight of everything <= values[i].
        var length = 0;
        long cumulative = 0;
        for (var i = 0; i < count; i++)
        {
            cumulative += weights[i];
            if (length > 0 && values[length - 1] == values[i])
            {
                weights[length - 1] = cumulative;
            }
            else
            {
                values[length] = values[i];
                weights[length] = cumulative;
                length++;
            }
        }

        return new SortedView(valueArray, weightArray, start, length, totalWeight, inArena);
    }

    /// <summary>
    /// Hands a view built with <c>pooled: true</c> back to the array pool. The view must not be used afterwards
    /// (its arrays are someone else's); only the code that built it calls this, when it is done with it.
    /// </summary>
    internal void ReturnToPool()
    {
        if (_inArena)
        {
            return;
        }

        ArrayPool<double>.Shared.Return(_values);
        ArrayPool<long>.Shared.Return(_cumulativeWeights);
    }

    /// <summary>
    /// Merges an ascending <paramref name="run"/> of equal <paramref name="weight"/> with the sorted run at
    /// <c>[runStart, end)</c> of the output, writing from <c>runStart - run.Length</c>. The write position
    /// never passes the read position of the existing run, and once <paramref name="run"/> is used up the
    /// rest of the existing run is already in place.
    /// </summary>
    private static void MergeIntoRun(ReadOnlySpan<double> run, long weight, Span<double> values, Span<long> weights, ref int runStart)
    {
        var output = runStart - run.Length;
        int i = 0, j = runStart;
        for (var o = output; i < run.Length; o++)
        {
            if (j < values.Length && values[j] < run[i])
            {
                values[o] = values[j];
                weights[o] = weights[j++];
            }
            else
            {
                values[o] = run[i++];
                weights[o] = weight;
            }
        }

        runStart = output;
    }
}
