using FairnessGuard.Correction;

namespace FairnessGuard.ML;

/// <summary>
/// The exact barycenter map tabulated at the ranks a score can take. Off the calibration values a score y of
/// group s has rank <c>k/n_s</c> with k = #{calibration values &lt; y}, so its image is the table entry
/// <c>T_s[k] = Σ p_s' Q_s'(k/n_s)</c>: one guided search and one load per row, independent of the number of
/// groups. A score equal to a calibration value (an atom, where the rank is drawn) goes to
/// <see cref="ExactBarycenterCorrector{TGroup}"/> itself; the tests pin the two paths row for row.
/// </summary>
internal sealed class RankTable
{
    // Per cell one interleaved array [s_0, T_0, s_1, T_1, …, s_{n−1}, T_{n−1}, +∞, T_n]: the search's last probe and
    // the table entry it selects share a cache line, so a row costs the guide load and one line of pairs.
    private readonly double[][] _pairs;
    private readonly int[][] _guide;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly double[] _scale;
    private readonly ExactBarycenterCorrector<int> _corrector;
    private readonly double _strength;

    /// <param name="values">Finite calibration values.</param>
    /// <param name="cells">Their cells, numbered 0.. in order of first appearance (as the corrector numbers them).</param>
    /// <param name="cellCount">The number of cells.</param>
    /// <param name="strength">λ.</param>
    /// <param name="seed">The tie-breaking seed.</param>
    public RankTable(double[] values, int[] cells, int cellCount, double strength, ulong seed)
    {
        _strength = strength;
        _corrector = ExactBarycenterCorrector<int>.Fit(values, cells, new BarycenterOptions { Strength = 1, Seed = seed });
        var counts = new int[cellCount];
        foreach (var c in cells)
        {
            counts[c]++;
        }

        var sorted = new double[cellCount][];
        for (var g = 0; g < cellCount; g++)
        {
            sorted[g] = new double[counts[g]];
        }

        var fill = new int[cellCount];
        for (var i = 0; i < values.Length; i++)
        {
            sorted[cells[i]][fill[cells[i]]++] = values[i];
        }

        foreach (var s in sorted)
        {
            Array.Sort(s);
        }

        // T_s[k] = Σ_s' p_s' Q_s'(k / n_s), with the weights and the quantile definition of the exact corrector.
        var total = (double)values.Length;
        _pairs = new double[cellCount][];
        for (var g = 0; g < cellCount; g++)
        {
            var s = sorted[g];
            var n = s.Length;
            var pairs = _pairs[g] = new double[(2 * n) + 2];
            for (var k = 0; k <= n; k++)
            {
                var rank = k / (double)n;
                double fair = 0;
                for (var o = 0; o < cellCount; o++)
                {
                    fair += sorted[o].Length / total * Quantile(sorted[o], rank);
                }

                pairs[2 * k] = k < n ? s[k] : double.PositiveInfinity;
                pairs[(2 * k) + 1] = fair;
            }
        }

        // A guide over equal-width buckets of each group's range (built in one merge pass): a search touches one
        // or two cache lines.
        _guide = new int[cellCount][];
        _min = new double[cellCount];
        _max = new double[cellCount];
        _scale = new double[cellCount];
        for (var g = 0; g < cellCount; g++)
        {
            var s = sorted[g];
            var buckets = Math.Max(1, s.Length / 2);
            _min[g] = s[0];
            _max[g] = s[^1];
            var width = (s[^1] - s[0]) / buckets;
            _scale[g] = width > 0 && double.IsFinite(width) ? 1 / width : 0;
            var guide = _guide[g] = new int[buckets + 1];
            var below = 0;
            for (var b = 0; b < buckets; b++)
            {
                var edge = s[0] + (b * width);
                while (below < s.Length && s[below] < edge)
                {
                    below++;
                }

                guide[b] = below;
            }

            guide[buckets] = s.Length;
        }
    }

    /// <summary>Corrects y of cell g (a calibration cell); non-finite values pass through.</summary>
    public double Apply(double y, int g, long row)
    {
        if (_strength == 0 || !double.IsFinite(y))
        {
            return y;
        }

        var pairs = _pairs[g];
        var below = Below(pairs, g, y);
        var fair = pairs[2 * below] == y ? _corrector.Apply(y, g, row) : pairs[(2 * below) + 1];
        return _strength == 1 ? fair : ((1 - _strength) * y) + (_strength * fair);
    }

    private int Below(double[] pairs, int g, double y)
    {
        var n = (pairs.Length / 2) - 1;
        if (y <= _min[g])
        {
            return 0;
        }

        if (y > _max[g])
        {
            return n;
        }

        var guide = _guide[g];
        var b = (int)Math.Min(guide.Length - 2, (y - _min[g]) * _scale[g]);
        if (b >= 0)
        {
            int lo = guide[b], hi = guide[b + 1];
            // The bucket holds y unless rounding put it next door; then search everything.
            if ((lo == 0 || pairs[2 * (lo - 1)] < y) && (hi == n || pairs[2 * hi] >= y))
            {
                return CountBelow(pairs, lo, hi, y);
            }
        }

        return CountBelow(pairs, 0, n, y);
    }

    /// <summary>#{k in [lo, hi) : s_k &lt; value} + lo over the even (value) slots of the interleaved array.</summary>
    private static int CountBelow(double[] pairs, int lo, int hi, double value)
    {
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (pairs[2 * mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Q(r) = the ⌈r·n⌉-th smallest value, as <c>EmpiricalDistribution.Quantile</c> in the runtime.</summary>
    private static double Quantile(double[] sorted, double rank)
    {
        var k = (int)Math.Ceiling(rank * sorted.Length * (1 - 1e-12));
        return sorted[Math.Clamp(k - 1, 0, sorted.Length - 1)];
    }
}
