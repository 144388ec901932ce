using System.Buffers;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Correction;

/// <summary>
/// Each group's KS distance to the mixture of all groups, <c>F_mix = Σ_t w_t·F_t</c>, from the groups' quantiles on the
/// knot grid, in O(K·knots): the mixture's CDF is evaluated at the barycenter's knots, and a group's distance is
/// measured there and, at the group's own knots, bracketed by the mixture's values at the neighbouring barycenter
/// knots. The result never exceeds the distance between the groups' piecewise-linear CDFs (a lower bound), and
/// <c>F_s − F_mix = (1 − w_s)(F_s − F_rest)</c> turns it into the group's distance to the rest of the stream.
/// </summary>
internal static class MixtureGap
{
    /// <summary>Writes, per slot with a grid, a lower bound of KS(F_s, F_mix) (0 for slots without one).</summary>
    /// <param name="grids">Per slot, the group's quantiles on the rank grid k/(knots − 1), or null.</param>
    /// <param name="weights">Per slot, the group's share of the samples in play.</param>
    /// <param name="points">Ascending evaluation points (the barycenter's knots).</param>
    /// <param name="result">Per slot, the bound.</param>
    /// <param name="toPointRanks">
    /// Optional, per slot: <c>max_k |F_s(points[k]) − k/(K−1)|</c> from the same CDF values, which is
    /// <see cref="ShrinkageRule"/>'s side "CDF of the group at the points' knots" when the points are a quantile grid of
    /// the same length (0 when the lengths differ or there are fewer than two points, as there).
    /// </param>
    /// <param name="fromPointRanks">
    /// Optional, per slot: <c>max_i |F_points(q[i]) − i/(K−1)|</c>, the points' CDF at the group's knots, walked with
    /// the same merge: <see cref="ShrinkageRule"/>'s other side (0 when the lengths differ or there are fewer than two knots).
    /// </param>
    public static void Compute(double[]?[] grids, ReadOnlySpan<double> weights, ReadOnlySpan<double> points, Span<double> result, Span<double> toPointRanks = default, Span<double> fromPointRanks = default)
    {
        // Each group's CDF at the points is walked once and kept (rented) for its distance below.
        var mix = new double[points.Length];
        var all = ArrayPool<double>.Shared.Rent(Math.Max(1, grids.Length * points.Length));

        // The walks write each group's own slice (with many groups on both cores); the mixture is summed after them in
        // group order, so its bits do not depend on the split.
        var pointArray = points.ToArray();
        var parallel = TwoCores.Worth((long)grids.Length * points.Length);
        TwoCores.Halves(grids.Length, parallel, (from, to) =>
        {
            for (var s = from; s < to; s++)
            {
                if (grids[s] is { } q)
                {
                    CdfAt(q, pointArray, all.AsSpan(s * pointArray.Length, pointArray.Length));
                }
            }
        });

        for (var s = 0; s < grids.Length; s++)
        {
            if (grids[s] is not null)
            {
                var cdf = all.AsSpan(s * points.Length, points.Length);
                for (var k = 0; k < mix.Length; k++)
                {
                    mix[k] += weights[s] * cdf[k];
                }
            }
        }

        // The ranks i/(K−1) of a grid, divided once for all groups (the same divisions, so the same figures). Each
        // group's distances land in its own slots (both cores with many groups), then are copied out.
        var ranks = Ranks(points.Length);
        var gaps = new double[grids.Length];
        var toRanks = toPointRanks.IsEmpty ? null : new double[grids.Length];
        var fromRanks = fromPointRanks.IsEmpty ? null : new double[grids.Length];
        TwoCores.Halves(grids.Length, parallel, (from, to) =>
        {
            for (var s = from; s < to; s++)
            {
                if (grids[s] is { } q)
                {
                    var cdf = all.AsSpan(s * pointArray.Length, pointArray.Length);
                    if (toRanks is not null)
                    {
                        toRanks[s] = RankGap(cdf, q.Length, ranks);
                    }

                    gaps[s] = GroupGap(q, cdf, mix, pointArray, ranks, fromRanks, s);
                }
            }
        });

        gaps.CopyTo(result);
        toRanks?.CopyTo(toPointRanks);
        fromRanks?.CopyTo(fromPointRanks);
        ArrayPool<double>.Shared.Return(all);
    }

    // KS(F_s, F_mix) from the group's CDF at the points (`cdf`) and, at the group's own knots, the mixture's values
    // around them; with `fromRanks`, also the points' CDF at the group's knots against its ranks (into fromRanks[s]).
    private static double GroupGap(double[] q, ReadOnlySpan<double> cdf, double[] mix, double[] points, double[] ranks, double[]? fromRanks, int s)
    {
        var rank = q.Length == ranks.Length ? ranks : Ranks(q.Length);

        double d = 0;
        for (var k = 0; k < mix.Length; k++)
        {
            d = Math.Max(d, Math.Abs(cdf[k] - mix[k]));
        }

        // At the group's own knots F_s = i/last exactly; F_mix lies between its values at the barycenter
        // knots around the point (0 below the first, 1 above the last).
        var last = q.Length - 1;
        var j = 0;
        var side = fromRanks is not null && last >= 1 && points.Length == q.Length;
        double sideGap = 0;
        for (var i = 0; i <= last; i++)
        {
            if (side)
            {
                // GridCdf.At advances j exactly as the loop below does.
                sideGap = Math.Max(sideGap, Math.Abs(GridCdf.At(points, q[i], ref j) - rank[i]));
            }
            else
            {
                while (j < points.Length && points[j] <= q[i])
                {
                    j++;
                }
            }

            var f = rank[i];
            var below = j == 0 ? 0 : mix[j - 1];
            var above = j == points.Length ? 1 : mix[j];
            d = Math.Max(d, Math.Max(f - above, below - f));
        }

        if (fromRanks is not null)
        {
            fromRanks[s] = sideGap;
        }

        return Math.Min(1, d);
    }

    // As ShrinkageRule.OneSide(points, q) accumulates it: the largest |F_q(points[k]) − k/last|.
    private static double RankGap(ReadOnlySpan<double> cdf, int gridLength, double[] ranks)
    {
        var last = cdf.Length - 1;
        if (last < 1 || gridLength != cdf.Length)
        {
            return 0;
        }

        double d = 0;
        for (var k = 0; k <= last; k++)
        {
            d = Math.Max(d, Math.Abs(cdf[k] - ranks[k]));
        }

        return d;
    }

    // i/(length − 1) for each i (ranks[0] = 0; a one-knot grid gives 0/0, as the division in place did).
    private static double[] Ranks(int length)
    {
        var ranks = new double[length];
        var last = length - 1;
        for (var i = 0; i < length; i++)
        {
            ranks[i] = i / (double)last;
        }

        return ranks;
    }

    // The CDF of a quantile grid (piecewise linear through (q[i], i/last)) at ascending points.
    private static void CdfAt(ReadOnlySpan<double> q, ReadOnlySpan<double> points, Span<double> cdf)
    {
        var j = 0;
        for (var k = 0; k < points.Length; k++)
        {
            cdf[k] = GridCdf.At(q, points[k], ref j);
        }
    }
}
