using FairnessGuard.Distributions;

namespace FairnessGuard.Sketches;

/// <summary>
/// A mergeable streaming quantile sketch with a proven rank-error bound and bounded memory: KLL compactors
/// (Karnin, Lang &amp; Liberty, "Optimal Quantile Approximation in Streams", FOCS 2016) in the single-buffer
/// layout of Apache DataSketches' KLL sketch. Level <c>h</c> holds items of weight <c>2^h</c>; when the
/// buffer is full the lowest over-full level is sorted and every other item (random offset) is promoted.
/// </summary>
/// <remarks>
/// <para>Error: see <see cref="NormalizedRankError"/> and <see cref="GetRankErrorBound"/>; answers are exact
/// while <see cref="IsExact"/>. Memory: about <c>3k + 8 log2(n / k)</c> retained doubles
/// (<see cref="EstimatedBytes"/>).</para>
/// <para>Not thread-safe: a sketch must not be updated or merged while any other call runs on it. Reads may
/// run concurrently with each other only if no write happens (reads fill a cached sorted view).</para>
/// <para>Deterministic: for a given seed the same sequence of calls gives the same state, bit for bit.
/// Give sketches that will later be merged different seeds, so that their coin flips are independent.</para>
/// </remarks>
public sealed partial class QuantileSketch : IScoreDistribution
{
    /// <summary>Default <c>k</c>: about 1.6% rank error at 99% confidence in ~5 KB.</summary>
    public const int DefaultK = 200;

    /// <summary>Smallest accepted <c>k</c> (the minimum level width).</summary>
    public const int MinK = KllCapacity.MinLevelWidth;

    /// <summary>Largest accepted <c>k</c> (it is stored in two bytes).</summary>
    public const int MaxK = ushort.MaxValue;

    // ln(2 / 0.01): the two-sided Azuma–Hoeffding exponent for 99% confidence.
    private static readonly double Log2Over1Percent = Math.Log(2 / 0.01);

    private static long s_instances;

    private readonly int _k;
    private int _minK;
    private double[] _items;
    private readonly int[] _levels = new int[KllCapacity.MaxLevels + 1];
    private long _instance = Interlocked.Increment(ref s_instances);
    private int _numLevels;
    private long _count;
    private double _min = double.NaN;
    private double _max = double.NaN;
    private double _compactionVariance;
    private SplitMix64 _random;
    private SortedView? _sortedView;
    private long _rejectedNonFinite;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="k">Capacity of the top compactor, in [8, 65535]; rank error scales as 1/k, memory as k.</param>
    /// <param name="seed">Seed of the compactors' coin flips.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [8, 65535].</exception>
    public QuantileSketch(int k = DefaultK, ulong seed = 0x9E3779B97F4A7C15)
    {
        if (k < MinK || k > MaxK)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [{MinK}, {MaxK}].");
        }

        _k = k;
        _minK = k;
        _numLevels = 1;
        _items = new double[KllCapacity.TotalCapacity(k, 1)];
        _levels[0] = _items.Length;
        _levels[1] = _items.Length;
        _random = new SplitMix64(seed);
    }

    private QuantileSketch(QuantileSketch source)
    {
        _k = source._k;
        _minK = source._minK;
        _items = (double[])source._items.Clone();
        _floor = source._floor;
        source._levels.AsSpan().CopyTo(_levels);
        _numLevels = source._numLevels;
        _count = source._count;
        _min = source._min;
        _max = source._max;
        _compactionVariance = source._compactionVariance;
        _random = source._random;
        _sortedView = source._sortedView;
        _sortedLevel0 = source._sortedLevel0;
    }

    /// <summary>The compactor capacity parameter.</summary>
    public int K => _k;

    /// <summary>Number of items seen, including those merged in (each item has weight one).</summary>
    public long Count => _count;

    /// <summary>True when no item has been seen.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>True while no compaction has happened: every item is retained and every answer is exact.</summary>
    public bool IsExact => _numLevels == 1;

    /// <summary>Smallest item seen (exact); NaN when empty.</summary>
    public double Min => _min;

    /// <summary>Largest item seen (exact); NaN when empty.</summary>
    public double Max => _max;

    /// <summary>Number of items currently held.</summary>
    public int RetainedItems => _items.Length - _levels[0];

    /// <summary>Number of compactor levels (weights 1, 2, ..., 2^(levels-1)).</summary>
    internal int NumLevels => _numLevels;

    /// <summary>
    /// Names the sketch's contents: unique per instance (a clone or a deserialised copy gets its own) with
    /// <see cref="Count"/>, which every change of the retained items moves (an update adds one, a merge of a
    /// non-empty sketch adds its count, compaction happens only inside those two). Equal stamps, equal views.
    /// </summary>
    internal (long Instance, long Count) Stamp => (_instance, _count);

    /// <summary>
    /// Sum over all compactions in this sketch's history (merged sketches included) of the squared weight
    /// <c>4^h</c>: the Azuma variance proxy of the rank error. It depends only on the sequence of sizes, never
    /// on the values or the coin flips, so bounds built on it hold for any input.
    /// </summary>
    internal double CompactionVariance => _compactionVariance;

    /// <summary>
    /// Heap bytes held: this object, its level index, its item buffer and the cached sorted view if any.
    /// The item buffer grows only when a level is added, by at most 8 doubles, so this is O(k + log n).
    /// </summary>
    public long EstimatedBytes
    {
        get
        {
            // Fields: 3 references; min, max, variance, count, rng state, instance, rejected (8 bytes each); 5 ints.
            var bytes = HeapSize.Object((3 * 8) + (7 * 8) + (5 * 4))
                + HeapSize.Array(_items.Length, sizeof(double))
                + HeapSize.Array(_levels.Length, sizeof(int));
            return bytes + (_sortedView?.EstimatedBytes ?? 0);
        }
    }

    /// <summary>
    /// A-priori single-query bound ε: for any n and any query value, <c>|GetRank(y) - F_n(y)| &lt;= ε</c> with
    /// probability at least 99%, where <c>ε = sqrt(2 ln 200) / k ≈ 3.26 / k</c> (1.63% for k = 200), and k is
    /// the smallest K of any sketch merged in. Derivation (docs/sketch.md): the error is a martingale of
    /// compaction errors, each zero-mean and bounded by its weight <c>2^h</c>, so Azuma–Hoeffding gives
    /// <c>sqrt(2 V ln(2/δ))</c> with <c>V = Σ 4^h</c>; the compaction schedule satisfies <c>V &lt;= (n/k)^2</c>
    /// (its maximum, <c>(k/(k+1))^2</c>, is at the first compaction). Use <see cref="GetRankErrorBound"/> for
    /// the tighter bound of this sketch's actual history, or for several queries at once.
    /// </summary>
    public double NormalizedRankError => Math.Sqrt(2 * Log2Over1Percent) / _minK;

    /// <summary>
    /// A-posteriori bound on the rank error of one query, from this sketch's actual compaction history:
    /// <c>sqrt(2 V ln(2/(1-confidence))) / n</c>; zero while exact. For m queries that must all hold at once,
    /// pass <c>1 - (1 - confidence) / m</c> (union bound).
    /// </summary>
    /// <param name="confidence">Probability that the bound holds, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1).</exception>
    public double GetRankErrorBound(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1).");
        }

        return _count == 0 ? 0 : Math.Sqrt(2 * _compactionVariance * Math.Log(2 / (1 - confidence))) / _count;
    }

    /// <summary>
    /// Number of NaN or infinite values refused by <see cref="Update"/> since this sketch was created (not
    /// serialised, not merged: a count of what this instance was handed).
    /// </summary>
    public long RejectedNonFinite => _rejectedNonFinite;

    /// <summary>
    /// Adds one item. Amortised O(1) and allocation-free except when a level is added (O(log n) times).
    /// A NaN or infinite value is refused: it is counted in <see cref="RejectedNonFinite"/> and leaves the
    /// sketch unchanged, so one bad value can never fault this or any later call.
    /// </summary>
    /// <param name="value">The value; only finite values are kept.</param>
    /// <returns>True when the value was added, false when it was refused as non-finite.</returns>
    public bool Update(double value)
    {
        if (!double.IsFinite(value))
        {
            _rejectedNonFinite++;
            return false;
        }

        if (_levels[0] == _floor)
        {
            CompressOnce();
        }

        _items[--_levels[0]] = value;
        if (_count == 0)
        {
            _min = value;
            _max = value;
        }
        else if (value < _min)
        {
            _min = value;
        }
        else if (value > _max)
        {
            _max = value;
        }

        _count++;
        _sortedView = null;
        return true;
    }

    /// <summary>Fraction of items <c>&lt;= value</c>, in [0, 1]; 0 when empty. O(k) without allocation.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double GetRank(double value) => WeightUpTo(value, inclusive: true) / (double)Math.Max(_count, 1);

    /// <summary>Fraction of items <c>&lt; value</c> (the left limit F(y−)), in [0, 1]; 0 when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double GetRankExclusive(double value) => WeightUpTo(value, inclusive: false) / (double)Math.Max(_count, 1);

    /// <summary>
    /// The smallest retained item whose rank (<see cref="GetRank(double)"/>) is at least <paramref name="rank"/>:
    /// the inclusive inverse of <see cref="GetRank(double)"/>. NaN when empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is NaN or outside [0, 1].</exception>
    public double GetQuantile(double rank)
    {
        SortedView.ValidateRank(rank);
        return _count == 0 ? double.NaN : GetSortedView().GetQuantile(rank);
    }

    /// <summary>Fraction of items <c>&lt;= value</c> (or <c>&lt; value</c>), in [0, 1]; 0 when empty. O(k) without allocation.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double GetRank(double value, SearchCriteria criteria) =>
        criteria == SearchCriteria.Inclusive ? GetRank(value) : GetRankExclusive(value);

    /// <summary>The retained item at <paramref name="rank"/> under <paramref name="criteria"/> (from the sorted view); NaN when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is NaN or outside [0, 1].</exception>
    public double GetQuantile(double rank, SearchCriteria criteria)
    {
        SortedView.ValidateRank(rank);
        return _count == 0 ? double.NaN : GetSortedView().GetQuantile(rank, criteria);
    }

    /// <inheritdoc/>
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

        cdf[^1] = _count == 0 ? 0 : 1;
    }

    /// <summary>The sorted (item, cumulative weight) view of the retained items (that of <see cref="GetSortedView"/>).</summary>
    public SortedWeights GetSortedWeights() => GetSortedView().GetSortedWeights();

    /// <inheritdoc/>
    long IScoreDistribution.TotalWeight => _count;

    /// <summary>An immutable sorted snapshot of the retained items; cached until the next write.</summary>
    public SortedView GetSortedView() => _sortedView ??= SortedView.Build(_items.AsSpan(_levels[0]), _levels.AsSpan(0, _numLevels + 1), _count, _sortedLevel0);

    /// <summary>Drops the cached sorted view, so a long-lived sketch holds only its items between reads.</summary>
    internal void ReleaseSortedView() => _sortedView = null;

    /// <summary>A deep copy, including the generator state (the copy draws the same coin flips).</summary>
    public QuantileSketch Clone() => new(this);

    private long WeightUpTo(double value, bool inclusive)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Cannot rank NaN.");
        }

        // Level 0 is unsorted (items arrive in stream order), so it is counted by a scan.
        var weight = SortedSearch.CountUnsorted(_items.AsSpan(_levels[0], _levels[1] - _levels[0]), value, inclusive);
        for (var level = 1; level < _numLevels; level++)
        {
            var sorted = _items.AsSpan(_levels[level], _levels[level + 1] - _levels[level]);
            var below = inclusive ? SortedSearch.CountAtMost(sorted, value) : SortedSearch.CountBelow(sorted, value);
            weight += (long)below << level;
        }

        return weight;
    }
}
