using FairnessGuard.Metrics;
using FairnessGuard.Distributions;

namespace FairnessGuard.Correction;

/// <summary>
/// The exact demographic-parity correction of Chzhen et al. (NeurIPS 2020):
/// <c>y' = Σ_{s'} p_{s'} · Q_{s'}(F_s(y))</c>, with the empirical CDF <c>F_s</c> of the caller's group and
/// the empirical quantile functions <c>Q_{s'}</c> of every group, all fitted on calibration outputs.
/// </summary>
/// <remarks>
/// <para>The weights <c>p_{s'}</c> are the shares of all groups seen in calibration, never of the rows being
/// corrected, so a one-row call returns exactly what the same row gets inside a batch (a public package
/// gets this wrong and returns ≈ p_s·y for a single row).</para>
/// <para>Inside an atom of <c>F_s</c> the rank is drawn uniformly between <c>F_s(y−)</c> and <c>F_s(y)</c>,
/// otherwise tied outputs could not be spread and parity would fail. The draw for row i is a pure function
/// of (seed, i). Calibration outputs should come from data the model was not trained on.</para>
/// <para>Instances are immutable after <see cref="Fit"/> and safe to use from many threads.</para>
/// </remarks>
/// <typeparam name="TGroup">The group key: any type with value equality, a tuple for intersectional groups.</typeparam>
public sealed partial class ExactBarycenterCorrector<TGroup>
    where TGroup : notnull
{
    private readonly TGroup[] _groups;
    private readonly Dictionary<TGroup, int> _index;
    private readonly int _nonFinite;
    private readonly double[][] _sorted;
    private readonly double[] _weights;
    private readonly double _strength;
    private readonly ulong _seed;
    private readonly double[]? _shrink;
    private readonly TGroup[] _firstKeys;

    // The one-row lookups (guide tables, the barycenter by rank) are built on first use: a fit that only
    // corrects its own rows (FitAndApply) or large batches in value order never needs them.
    private readonly Lazy<KnotIndex[]> _search;
    private readonly Lazy<double[][]?> _fairByRank;

    private ExactBarycenterCorrector(TGroup[] groups, Dictionary<TGroup, int> index, double[][] sorted, int nonFinite, BarycenterOptions options)
    {
        _groups = groups;
        _index = index;
        _nonFinite = nonFinite;
        _sorted = sorted;
        _weights = new double[sorted.Length];
        var count = 0;
        foreach (var group in sorted)
        {
            count += group.Length;
        }

        for (var g = 0; g < _sorted.Length; g++)
        {
            _weights[g] = _sorted[g].Length / (double)count;
        }

        _firstKeys = [.. groups.Take(FirstKeys)];
        _search = new Lazy<KnotIndex[]>(() => [.. _sorted.Select(own => new KnotIndex(own))]);
        _fairByRank = new Lazy<double[][]?>(() => Tabulate(count));

        _strength = options.Strength;
        _seed = options.Seed;
        _shrink = options.Shrinkage ? ShrinkWeights(options.ShrinkageConfidence) : null;
    }

    /// <summary>The shrinkage weight of each group toward the barycenter (0 = none); empty without shrinkage.</summary>
    internal IReadOnlyList<double> ShrinkageWeights => _shrink ?? [];

    /// <summary>The groups seen in calibration, in order of first appearance.</summary>
    public IReadOnlyList<TGroup> Groups => _groups;

    /// <summary>The calibration outputs left out of the fit because they were NaN or ±∞.</summary>
    public int ExcludedNonFinite => _nonFinite;

    /// <summary>The strength λ the corrector applies.</summary>
    public double Strength => _strength;

    /// <summary>Fits the correction on calibration outputs and their groups.</summary>
    /// <param name="outputs">Calibration outputs (best on data the model was not trained on); non-finite ones are left out and counted.</param>
    /// <param name="groups">The group of each output.</param>
    /// <param name="options">Strength and seed; defaults when null.</param>
    /// <returns>The fitted corrector.</returns>
    /// <exception cref="ArgumentException">Fewer than two groups have a finite output, or the spans differ in length.</exception>
    public static ExactBarycenterCorrector<TGroup> Fit(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups, BarycenterOptions? options = null)
    {
        options ??= new BarycenterOptions();
        options.Validate();
        var data = GroupedOutputs<TGroup>.Create(outputs, groups);
        for (var g = 0; g < data.Groups.Count; g++)
        {
            if (data.Sorted(g).IsEmpty)
            {
                throw new ArgumentException($"Group '{data.Groups[g]}' has no finite calibration output; every group needs at least one.", nameof(outputs));
            }
        }

        if (data.Groups.Count < 2)
        {
            throw new ArgumentException($"The barycenter correction needs at least 2 groups in calibration; got {data.Groups.Count}.", nameof(groups));
        }

        var sorted = new double[data.Groups.Count][];
        for (var g = 0; g < sorted.Length; g++)
        {
            sorted[g] = data.SortedArray(g);
        }

        return new ExactBarycenterCorrector<TGroup>([.. data.Groups], data.IndexMap, sorted, data.NonFiniteCount, options);
    }

    /// <summary>The calibration outputs and their groups (labels are the keys' text), to prime an online guard.</summary>
    /// <returns>The calibration set; save it with <see cref="GuardCalibration.Save"/>.</returns>
    public GuardCalibration ToCalibration()
    {
        var outputs = new List<double>();
        var groups = new List<TGroup>();
        for (var g = 0; g < _sorted.Length; g++)
        {
            outputs.AddRange(_sorted[g]);
            groups.AddRange(Enumerable.Repeat(_groups[g], _sorted[g].Length));
        }

        return GuardCalibration.Create<TGroup>([.. outputs], [.. groups]);
    }

    /// <summary>The weight p_s of <paramref name="group"/>: its share of the calibration outputs.</summary>
    /// <param name="group">A group seen in calibration.</param>
    /// <returns>The weight in (0, 1).</returns>
    /// <exception cref="ArgumentException">The group was not seen in calibration.</exception>
    public double Weight(TGroup group) => _weights[IndexOrThrow(group, 0)];

    /// <summary>Corrects one output.</summary>
    /// <param name="output">The raw output; NaN and ±∞ are returned unchanged.</param>
    /// <param name="group">The output's group; must have been seen in calibration.</param>
    /// <param name="rowIndex">The row's index in its stream: it selects the tie-breaking draw, so row i alone equals row i of a batch.</param>
    /// <returns>The corrected output.</returns>
    /// <exception cref="ArgumentException">The group was not seen in calibration.</exception>
    public double Apply(double output, TGroup group, long rowIndex = 0)
    {
        var g = IndexOrThrow(group, rowIndex);
        return double.IsFinite(output) ? Correct(output, g, rowIndex, _fairByRank.Value) : output;
    }

    /// <summary>Corrects a batch of outputs into <paramref name="destination"/> with no per-row allocation.</summary>
    /// <param name="outputs">The raw outputs; NaN and ±∞ are copied unchanged and counted.</param>
    /// <param name="groups">The group of each output; all must have been seen in calibration.</param>
    /// <param name="destination">Where the corrected outputs go (at least as long as <paramref name="outputs"/>; may be the same memory).</param>
    /// <param name="firstRowIndex">The stream index of the first row (see <see cref="Apply(double, TGroup, long)"/>).</param>
    /// <returns>The number of rows written and of non-finite rows passed through.</returns>
    /// <exception cref="ArgumentException">Lengths differ, or a group was not seen in calibration; nothing is written then.</exception>
    public BatchCorrectionResult Apply(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups, Span<double> destination, long firstRowIndex = 0)
    {
        if (groups.Length != outputs.Length)
        {
            throw new ArgumentException($"outputs has {outputs.Length} rows but groups has {groups.Length}.", nameof(groups));
        }

        if (destination.Length < outputs.Length)
        {
            throw new ArgumentException($"destination has room for {destination.Length} rows but {outputs.Length} are needed.", nameof(destination));
        }

        // Validate every key first so bad input loses nothing: the destination is untouched on error.
        var codes = new int[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            codes[i] = IndexOrThrow(groups[i], firstRowIndex + i);
        }

        var nonFinite = outputs.Length >= SortedBatch ? ApplyByGroup(outputs, codes, destination, firstRowIndex) : 0;
        for (var i = 0; i < outputs.Length && outputs.Length < SortedBatch; i++)
        {
            var y = outputs[i];
            if (double.IsFinite(y))
            {
                destination[i] = Correct(y, codes[i], firstRowIndex + i, _fairByRank.Value);
            }
            else
            {
                destination[i] = y;
                nonFinite++;
            }
        }

        return new BatchCorrectionResult(outputs.Length, nonFinite);
    }

    private double Correct(double y, int g, long row, double[][]? fairByRank)
    {
        if (_strength == 0)
        {
            return y;
        }

        // The guide table finds F(y−) in a few cache lines (a binary search over millions of calibration
        // outputs is ~20 dependent cache misses); the atom at y, when there is one, is searched after it.
        var own = _sorted[g];
        var below = _search.Value[g].LowerBound(y);
        var atOrBelow = below < own.Length && own[below] <= y ? AtomEnd(own, below, y) : below;
        if (below == atOrBelow)
        {
            // Not in an atom: the rank is below/n, and the barycenter at it was tabulated by the fit.
            return Blend(y, g, fairByRank is { } table ? table[g][below] : BarycenterQuantile(below / (double)own.Length));
        }

        return InAtom(y, g, row, below, atOrBelow);
    }

    // Inside an atom the rank is uniform on (F(y−), F(y)]: 1 − u is in (0, 1], so the atom's own quantile maps
    // back onto the atom. below and atOrBelow are the counts of the group's outputs under and up to y.
    // A share λ < 1 of the move inside an atom of two or more outputs is a chance of the whole move (TieBreaker.Share).
    private double InAtom(double y, int g, long row, int below, int atOrBelow)
    {
        var rank = (below + ((1 - TieBreaker.Uniform(_seed, row)) * (atOrBelow - below))) / _sorted[g].Length;
        return TieBreaker.Share(y, BarycenterQuantile(rank), Lambda(g), atOrBelow - below, _seed, row);
    }

    // Shrinkage: the group gets the share 1 − w_s of its correction (ShrinkageRule).
    private double Blend(double y, int g, double fair)
    {
        var lambda = Lambda(g);
        return lambda == 1 ? fair : ((1 - lambda) * y) + (lambda * fair);
    }

    private double Lambda(int g) => _shrink is { } w ? _strength * (1 - w[g]) : _strength;

    private double BarycenterQuantile(double rank)
    {
        double q = 0;
        for (var s = 0; s < _sorted.Length; s++)
        {
            q += _weights[s] * EmpiricalQuantile.Of(_sorted[s], rank);
        }

        return q;
    }

    // Groups compared by reference before hashing.
    private const int FirstKeys = 8;

    private int IndexOrThrow(TGroup group, long row)
    {
        if (group is null)
        {
            throw new ArgumentException($"The group at row {row} is null; every row needs a group.", nameof(group));
        }

        // Keys from one interned table (a CSV reader's) are found by reference, without a hash.
        if (!typeof(TGroup).IsValueType)
        {
            for (var k = 0; k < _firstKeys.Length; k++)
            {
                if (ReferenceEquals(_firstKeys[k], group))
                {
                    return k;
                }
            }
        }

        if (_index.TryGetValue(group, out var g))
        {
            return g;
        }

        throw new ArgumentException(
            $"Group '{group}' at row {row} was not seen in calibration; known groups: {string.Join(", ", _groups.Select(k => $"'{k}'"))}.",
            nameof(group));
    }
}
