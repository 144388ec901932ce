using System.Runtime.CompilerServices;

namespace FairnessGuard.Monitoring;

/// <summary>Each group's W1 to the pool, from the merged sweep's pooled CDF and its prefix integrals.</summary>
internal sealed partial class ParitySweep
{
    /// <summary>
    /// W1 to the pool: on each stretch where F_s is constant c, <c>Σ |c − P_t| Δ_t</c> splits at the first
    /// position where the (non-decreasing) pooled CDF reaches c, and both halves are prefix sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillW1(FlatViews views, int[] knotPosition, double[] x, double[] p, double[] prefix, int m, long poolTotal)
    {
        if (m == 0 || poolTotal == 0)
        {
            return;
        }

        var offsets = views.Offsets;
        for (var s = 0; s < views.Totals.Length; s++)
        {
            var length = offsets[s + 1] - offsets[s];
            double total = views.Totals[s];
            if (length == 0 || total == 0)
            {
                continue;
            }

            var c = views.Cumulative.AsSpan(offsets[s], length);
            var positions = knotPosition.AsSpan(offsets[s], length);
            var sum = Stretch(0, 0, positions[0], x, p, prefix);
            for (var i = 0; i < length; i++)
            {
                var end = i + 1 < length ? positions[i + 1] : m - 1;
                sum += Stretch(c[i] / total, positions[i], end, x, p, prefix);
            }

            W1ToPool[s] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Stretch(double level, int from, int to, double[] x, double[] p, double[] prefix)
    {
        if (to <= from)
        {
            return 0;
        }

        // The split is where the (non-decreasing) pooled CDF reaches the level. A group mostly above or below the
        // pool has it at an end of the stretch: two reads decide that before a binary search over the stretch
        // (≈ 1,000 positions at 1,000 groups, each a cache miss). The answer is the search's.
        int lo = from, hi = to;
        if (p[from] >= level)
        {
            hi = from;
        }
        else if (p[to - 1] < level)
        {
            lo = to;
        }
        else
        {
            (lo, hi) = (from + 1, to - 1);
        }

        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (p[mid] >= level)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var below = (level * (x[lo] - x[from])) - (prefix[lo] - prefix[from]);
        var above = (prefix[to] - prefix[lo]) - (level * (x[to] - x[lo]));
        return below + above;
    }

    /// <summary>The sweep's flat copy of the groups' cumulative weights: group s at <c>[Offsets[s], Offsets[s + 1])</c>.</summary>
    private readonly record struct FlatViews(int[] Offsets, long[] Cumulative, double[] Totals);
}
