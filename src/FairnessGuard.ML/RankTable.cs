using System.Runtime.CompilerServices;
using FairnessGuard.Correction;
using FairnessGuard.Distributions;
using FairnessGuard.Metrics;

namespace FairnessGuard.ML;

/// <summary>
/// The exact barycenter map tabulated at the ranks a score can take. Off the calibration values a score y of
/// group s has rank <c>k/n_s</c> with k = #{calibration values &lt; y}, so its image is the table entry
/// <c>T_s[k] = Σ p_s' Q_s'(k/n_s)</c>: one guided search and one load per row, independent of the number of
/// groups. A score equal to a tabulated calibration value (an atom, where the rank is drawn) gets the exact
/// corrector's formula (<see cref="ApplyAtom"/>, <see cref="ExactBarycenterCorrector{TGroup}"/>'s operations on the
/// same sorted values); the tests pin the transformer to the corrector row for row.
/// </summary>
/// <remarks>
/// A group with more than <see cref="DefaultExactLimit"/> calibration rows keeps only <see cref="DefaultKnots"/>
/// quantile knots of its table (the exact one is 16 bytes × n_s, 16 MB at 1M rows: a cache and a TLB miss per
/// row). Between adjacent knots x_j &lt; x_{j+1} the map is interpolated linearly from <c>T[#{s ≤ x_j}]</c> to
/// <c>T[#{s &lt; x_{j+1}}]</c>; the exact image of every y in between lies in the same interval, and the knots are
/// at most ⌈(n_s − 1)/(K − 1)⌉ calibration values apart, so the output's rank error is below 1/(K − 1) + 1/n_s
/// ≈ 2.4·10⁻⁴ (an order of magnitude inside the calibration's own DKW band, ε = 0.011 at n_s = 16,384 and
/// δ = 0.05); in score units it is at most <see cref="MaxKnotError"/>. A score equal to a knot still goes to the
/// exact corrector, and scores outside the calibration range get the exact end values.
/// </remarks>
internal sealed partial class RankTable
{
    /// <summary>The largest group whose table is kept exact.</summary>
    public const int DefaultExactLimit = 16_384;

    /// <summary>The knots of a compact table.</summary>
    public const int DefaultKnots = 4_096;

    // Above this many calibration rows the groups' sorts run in parallel.
    private const int ParallelSortRows = 100_000;
    private readonly CellTable[] _cells;
    private readonly double[][] _sorted;
    private readonly double[] _weights;
    private readonly double _strength;
    private readonly ulong _seed;

    /// <param name="values">Finite calibration values.</param>
    /// <param name="cells">Their cells, numbered 0.. in order of first appearance (as the corrector numbers them).</param>
    /// <param name="cellCount">The number of cells.</param>
    /// <param name="strength">λ.</param>
    /// <param name="seed">The tie-breaking seed.</param>
    /// <param name="exactLimit">Groups up to this size keep the exact table.</param>
    /// <param name="knots">The knots of a larger group's table (at least 2).</param>
    /// <exception cref="ArgumentException">Fewer than two cells, or a cell without a value.</exception>
    public RankTable(double[] values, int[] cells, int cellCount, double strength, ulong seed, int exactLimit = DefaultExactLimit, int knots = DefaultKnots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(knots, 2);
        _strength = strength;
        _seed = seed;
        var counts = new int[cellCount];
        foreach (var c in cells)
        {
            counts[c]++;
        }

        if (cellCount < 2 || Array.IndexOf(counts, 0) >= 0)
        {
            throw new ArgumentException($"The barycenter correction needs at least 2 groups in calibration, each with a finite value; got {cellCount}.", nameof(cells));
        }

        var sorted = _sorted = new double[cellCount][];
        for (var g = 0; g < cellCount; g++)
        {
            sorted[g] = new double[counts[g]];
        }

        var fill = new int[cellCount];
        for (var i = 0; i < values.Length; i++)
        {
            var c = cells[i];
            sorted[c][fill[c]++] = values[i];
        }

        if (values.Length >= ParallelSortRows)
        {
            Parallel.For(0, cellCount, g => DoubleRadixSort.Sort(sorted[g]));
        }
        else
        {
            foreach (var s in sorted)
            {
                DoubleRadixSort.Sort(s);
            }
        }

        // T_s[k] = Σ_s' p_s' Q_s'(k / n_s), with the weights and the quantile definition of the exact corrector.
        var total = (double)values.Length;
        _weights = new double[cellCount];
        for (var g = 0; g < cellCount; g++)
        {
            _weights[g] = sorted[g].Length / total;
        }

        _cells = new CellTable[cellCount];
        for (var g = 0; g < cellCount; g++)
        {
            var s = sorted[g];
            var n = s.Length;
            // Exact: every distinct value is a knot and the map is flat between knots. Compact: quantile knots
            // x_j = s[⌊j (n − 1) / (K − 1)⌋], distinct, and the map linear between them.
            var exact = n <= exactLimit;
            var count = exact ? n : knots;
            var records = new List<double>(3 * (Math.Min(n, count) + 1));
            for (var j = 0; j < count; j++)
            {
                var x = exact ? s[j] : s[(int)((long)j * (n - 1) / (knots - 1))];
                if (records.Count > 0 && records[^3] == x)
                {
                    continue;
                }

                var lower = SortedSearch.CountBelow(s, x);
                if (records.Count > 0)
                {
                    // The interval before x: from the previous knot's right value to T[#{s < x}].
                    var from = records[^2];
                    var to = Fair(lower / (double)n);
                    records[^1] = exact ? 0 : (to - from) / (x - records[^3]);
                    MaxKnotError = exact ? MaxKnotError : Math.Max(MaxKnotError, to - from);
                }

                records.Add(x);
                records.Add(Fair(SortedSearch.CountBelow(s, Math.BitIncrement(x)) / (double)n)); // #{s ≤ x} = #{s < the next double}
                records.Add(0);
            }

            _cells[g] = new CellTable([.. records], Fair(0));
        }
    }

    /// <summary>
    /// The largest score-unit gap between a compact table's knot values (0 when every table is exact): the most an
    /// interpolated image can differ from the exact one.
    /// </summary>
    public double MaxKnotError { get; }

    /// <summary>Corrects y of cell g (a calibration cell); non-finite values pass through.</summary>
    public double Apply(double y, int g, long row) => TryApply(y, g, out var corrected) ? corrected : ApplyAtom(y, g, row);

    /// <summary>
    /// Corrects y of cell g without the row index, false when y is an atom of the cell (a tabulated calibration
    /// value, whose rank is drawn from the row index: call <see cref="ApplyAtom"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryApply(double y, int g, out double corrected)
    {
        if (_strength == 0 || !double.IsFinite(y))
        {
            corrected = y;
            return true;
        }

        if (!_cells[g].TryMap(y, out var fair))
        {
            corrected = 0;
            return false;
        }

        corrected = _strength == 1 ? fair : ((1 - _strength) * y) + (_strength * fair);
        return true;
    }

    /// <summary>
    /// The exact corrector's answer for y of cell g at row <paramref name="row"/> (<c>ExactBarycenterCorrector.Apply</c>
    /// with the same seed, operation for operation): inside an atom the rank is uniform on (F(y−), F(y)], drawn by
    /// <see cref="TieBreaker"/> from (seed, row), and inside an atom of two or more values a share λ &lt; 1 is the chance of
    /// the whole move (a second draw), as there.
    /// </summary>
    public double ApplyAtom(double y, int g, long row)
    {
        var own = _sorted[g];
        var below = SortedSearch.CountBelow(own, y);
        var atOrBelow = below + SortedSearch.CountAtMost(own.AsSpan(below), y);
        var rank = below == atOrBelow
            ? below / (double)own.Length
            : (below + ((1 - TieBreaker.Uniform(_seed, row)) * (atOrBelow - below))) / own.Length;
        var fair = Fair(rank);
        return TieBreaker.Share(y, fair, _strength, atOrBelow - below, _seed, row);
    }

    /// <summary>Σ_s p_s Q_s(rank), summed in cell order as the exact corrector sums it.</summary>
    private double Fair(double rank)
    {
        double fair = 0;
        for (var s = 0; s < _sorted.Length; s++)
        {
            fair += _weights[s] * EmpiricalQuantile.Of(_sorted[s], rank);
        }

        return fair;
    }
}
