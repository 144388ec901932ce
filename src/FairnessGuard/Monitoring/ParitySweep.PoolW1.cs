using System.Runtime.CompilerServices;

namespace FairnessGuard.Monitoring;

/// <summary>Each group's W1 to the pool, from the merged sweep's pooled CDF and its prefix integrals.</summary>
internal sealed partial class ParitySweep
{
    /// <summary>
    /// W1 to the pool: on each stretch where F_s is constant c, <c>Σ |c − P_t| Δ_t</c> splits at the first
    /// position where the (non-decreasing) pooled CDF reaches c, and both halves are prefix sums. The sweep adds each
    /// group's stretches as it reaches the group's values (<paramref name="w1"/>, the last position reached in
    /// <paramref name="lastPosition"/>; the pooled points up to there are final); this adds the last stretch, from the
    /// group's largest value to the pool's. Summed in the same order as one pass per group afterwards would.
    /// </summary>
    private void CloseW1(FlatViews views, double[] w1, int[] lastPosition, PoolPoint[] pool, int m)
    {
        var offsets = views.Offsets;
        for (var s = 0; s < views.Totals.Length; s++)
        {
            var length = offsets[s + 1] - offsets[s];
            double total = views.Totals[s];
            if (length == 0 || total == 0 || m == 0)
            {
                continue;
            }

            W1ToPool[s] = w1[s] + Stretch(views.Cumulative[offsets[s + 1] - 1] / total, lastPosition[s], m - 1, pool);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Stretch(double level, int from, int to, PoolPoint[] pool)
    {
        if (to <= from)
        {
            return 0;
        }

        // The split is the first position where the (non-decreasing) pooled CDF reaches the level. A group mostly
        // above or below the pool has it at an end of the stretch: two reads decide that. Otherwise the pooled CDF
        // is nearly linear over the stretch (≈ 1,000 positions at 1,000 groups, each read a cache miss), so the
        // search starts at the interpolated position and gallops to a bracket before bisecting. Any exact search
        // finds the same position, so the figures are those of a plain binary search.
        int lo;
        if (pool[from].P >= level)
        {
            lo = from;
        }
        else if (pool[to - 1].P < level)
        {
            lo = to;
        }
        else
        {
            lo = Split(level, from, to, pool);
        }

        var below = (level * (pool[lo].X - pool[from].X)) - (pool[lo].Prefix - pool[from].Prefix);
        var above = (pool[to].Prefix - pool[lo].Prefix) - (level * (pool[to].X - pool[lo].X));
        return below + above;
    }

    // The first position in (from, to − 1] with P ≥ level, given P[from] < level ≤ P[to − 1].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Split(double level, int from, int to, PoolPoint[] pool)
    {
        // Invariant: the answer is in [lo, hi] and P[hi] ≥ level.
        int lo = from + 1, hi = to - 1;
        var low = pool[from].P;
        var guess = lo + (int)((level - low) / (pool[hi].P - low) * (hi - lo));
        guess = Math.Clamp(guess, lo, hi);
        var step = 1;
        if (pool[guess].P >= level)
        {
            hi = guess;
            while (guess - step >= lo && pool[guess - step].P >= level)
            {
                hi = guess - step;
                step <<= 1;
            }

            lo = Math.Max(lo, guess - step + 1);
        }
        else
        {
            lo = guess + 1;
            while (guess + step < hi && pool[guess + step].P < level)
            {
                lo = guess + step + 1;
                step <<= 1;
            }

            hi = Math.Min(hi, guess + step);
        }

        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (pool[mid].P >= level)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// One distinct pooled value: X, the pooled CDF P there, and the prefix integral of P up to X. Kept together
    /// because a W1 stretch reads all three at the same positions (one cache line, not three).
    /// </summary>
    private readonly record struct PoolPoint(double X, double P, double Prefix);

    /// <summary>The sweep's flat copy of the groups' cumulative weights: group s at <c>[Offsets[s], Offsets[s + 1])</c>.</summary>
    private readonly record struct FlatViews(int[] Offsets, long[] Cumulative, double[] Totals);
}
