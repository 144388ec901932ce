using System.Buffers;
using System.Runtime.CompilerServices;
using FairnessGuard.Distributions;
using FairnessGuard.Metrics;

namespace FairnessGuard.Monitoring;

/// <summary>
/// Every parity figure of one family of distributions (sketch views, exact samples) in one merged sweep, in O(N log K) for N retained
/// values over K groups, where comparing all pairs costs O(K² k):
/// <list type="bullet">
/// <item>the largest pairwise KS, <c>max_{a,b} sup_x |F_a(x) − F_b(x)| = sup_x (max_s F_s(x) − min_s F_s(x))</c>,
/// and the first pair (in group order) that reaches it;</item>
/// <item>optionally the largest pairwise lower bound <c>KS_ab − p_a − p_b</c> for per-group penalties p
/// (DKW band plus rank error): <c>max_x (max_a (F_a − p_a) − min_b (F_b + p_b))</c>;</item>
/// <item>each group's KS and W1 to the pool of all groups.</item>
/// </list>
/// </summary>
/// <remarks>
/// Step CDFs change only at retained values, so the suprema are reached at the distinct values of the union,
/// visited in ascending order (the groups' sorted runs dealt to buckets, in the order of <see cref="DoubleRadixSort.SortTagged"/>). Every CDF only grows, so the maxima
/// are kept in O(1) and the minima in a tournament tree (a leaf's path is replayed only where it was the winner). The CDF values are the same
/// divisions the pairwise walk makes, so KS figures are bit-identical to <see cref="Distance.KolmogorovSmirnov(IScoreDistribution, IScoreDistribution)"/> per pair.
/// The W1 figures are in ParitySweep.PoolW1.cs.
/// </remarks>
internal sealed partial class ParitySweep
{
    private ParitySweep(int groups)
    {
        KsToPool = new double[groups];
        W1ToPool = new double[groups];
    }

    /// <summary>The largest pairwise KS among the groups in pairs (0 with fewer than two).</summary>
    public double MaxPairwiseKs { get; private set; }

    /// <summary>The first pair (by index, first &lt; second) reaching <see cref="MaxPairwiseKs"/>, or null with fewer than two groups in pairs.</summary>
    public (int First, int Second)? WidestPair { get; private set; }

    /// <summary>The pair maximising <c>KS_ab − p_a − p_b</c> when that maximum is positive; null otherwise or without penalties.</summary>
    public (int First, int Second)? BoundPair { get; private set; }

    /// <summary>KS of each group to the pool (0 for an empty view).</summary>
    public double[] KsToPool { get; }

    /// <summary>W1 of each group to the pool (0 for an empty view).</summary>
    public double[] W1ToPool { get; }

    /// <summary>Runs the sweep.</summary>
    /// <param name="views">One view per group (all are pooled).</param>
    /// <param name="inPairs">Which groups take part in the pairwise figures (a group with an empty view never does).</param>
    /// <param name="penalty">Per-group penalty for the lower bound, or null to skip it.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ParitySweep Run(IReadOnlyList<IScoreDistribution> views, ReadOnlySpan<bool> inPairs, ReadOnlySpan<double> penalty)
    {
        var groups = views.Count;
        var result = new ParitySweep(groups);
        var withPenalty = !penalty.IsEmpty;

        // Leaves: the groups in pairs, in group order (so "leftmost" is "first in group order").
        var leafOf = new int[groups];
        var groupOfLeaf = new int[groups];
        var leaves = 0;
        var offsets = new int[groups + 1];
        long poolTotal = 0;
        for (var s = 0; s < groups; s++)
        {
            var view = views[s].GetSortedWeights();
            var length = view.Items.Length;
            offsets[s + 1] = offsets[s] + length;
            poolTotal += length == 0 ? 0 : view.CumulativeWeightAt(length - 1);
            leafOf[s] = -1;
            if (inPairs[s] && length > 0 && view.TotalWeight > 0)
            {
                leafOf[s] = leaves;
                groupOfLeaf[leaves++] = s;
            }
        }

        var n = offsets[groups];
        // Scratch of the size of all views together, rented: a rebuild at 1,000 groups would otherwise
        // allocate tens of MB on the large-object heap each time.
        var points = ArrayPool<PoolPoint>.Shared.Rent(Math.Max(n, 1));
        var minF = new MinTree(leaves);
        var minHigh = new MinTree(withPenalty ? leaves : 0);
        double maxF = 0, maxLow = double.NegativeInfinity;
        int maxFLeaf = 0, maxLowLeaf = 0;
        var leafPenalty = new double[leaves];
        for (var l = 0; l < leaves; l++)
        {
            leafPenalty[l] = withPenalty ? penalty[groupOfLeaf[l]] : 0;
            minF.Set(l, 0);
            if (withPenalty)
            {
                minHigh.Set(l, leafPenalty[l]);
                if (-leafPenalty[l] > maxLow)
                {
                    maxLow = -leafPenalty[l];
                    maxLowLeaf = l;
                }
            }
        }

        minF.Build();
        minHigh.Build();

        double bestGap = 0, bestBound = 0;
        int gapFirst = 0, gapSecond = 1, boundHigh = -1, boundLow = -1;

        // Flat copies (one pass), so the inner loop reads arrays, not views through an interface.
        var flatValues = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        var flatCumulative = ArrayPool<long>.Shared.Rent(Math.Max(n, 1));
        var totals = new double[groups];
        for (var s = 0; s < groups; s++)
        {
            var view = views[s].GetSortedWeights();
            view.Items.CopyTo(flatValues.AsSpan(offsets[s]));
            if (view.CumulativeWeights.IsEmpty)
            {
                for (var i = 0; i < view.Items.Length; i++)
                {
                    flatCumulative[offsets[s] + i] = i + 1;
                }
            }
            else
            {
                view.CumulativeWeights.CopyTo(flatCumulative.AsSpan(offsets[s]));
            }

            totals[s] = view.TotalWeight;
        }

        // The pooled values in ascending order (ties in group order), in the radix sort's order, from the groups'
        // sorted runs (ParitySweep.Order.cs): a merge of the runs pays log2 K unpredictable comparisons per value.
        // Equal values are visited together.
        var next = (int[])offsets.Clone();

        // Sorted with their groups: a group's values stay in its order, so the next one of group s is at next[s]
        // and every access below runs forward through each group's arrays.
        var sortedValues = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        var sortedGroups = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        OrderPooled(flatValues, offsets, groups, sortedValues, sortedGroups);
        var position = 0;
        var popped = new int[groups];
        var withW1 = poolTotal != 0;
        var w1 = new double[groups];
        var lastPosition = new int[groups];
        var lastAfter = new double[groups];
        var distinct = 0;
        long cumulative = 0;
        var previousPool = 0.0;
        while (position < n)
        {
            var x = sortedValues[position];
            var count = 0;
            do
            {
                var s = sortedGroups[position++];
                var i = next[s]++;
                popped[count++] = s;
                cumulative += flatCumulative[i] - (i == offsets[s] ? 0 : flatCumulative[i - 1]);
            }
            while (position < n && sortedValues[position] == x);

            var pool = cumulative / (double)poolTotal;
            points[distinct] = new PoolPoint(x, pool, distinct == 0 ? 0 : points[distinct - 1].Prefix + (previousPool * (x - points[distinct - 1].X)));
            for (var p = 0; p < count; p++)
            {
                var s = popped[p];
                var i = next[s] - 1;
                var total = totals[s];
                // F_s before x is what the group's previous value left (the same division, made once).
                var before = i == offsets[s] ? 0 : lastAfter[s];
                var after = lastAfter[s] = flatCumulative[i] / total;
                if (withW1 && total != 0)
                {
                    // W1 to the pool, stretch by stretch as the sweep reaches each value (ParitySweep.PoolW1.cs).
                    var first = i == offsets[s];
                    var stretch = Stretch(before, first ? 0 : lastPosition[s], distinct, points);
                    w1[s] = first ? stretch : w1[s] + stretch;
                    lastPosition[s] = distinct;
                }

                // F_s was `before` from its previous value up to the position just before x, `after` from x on.
                var ks = Math.Max(Math.Abs(before - previousPool), Math.Abs(after - pool));
                if (ks > result.KsToPool[s])
                {
                    result.KsToPool[s] = ks;
                }

                var leaf = leafOf[s];
                if (leaf < 0)
                {
                    continue;
                }

                minF.Update(leaf, after);
                if (after > maxF || (after == maxF && leaf < maxFLeaf))
                {
                    (maxF, maxFLeaf) = (after, leaf);
                }

                if (withPenalty)
                {
                    minHigh.Update(leaf, after + leafPenalty[leaf]);
                    var low = after - leafPenalty[leaf];
                    if (low > maxLow || (low == maxLow && leaf < maxLowLeaf))
                    {
                        (maxLow, maxLowLeaf) = (low, leaf);
                    }
                }
            }

            previousPool = pool;
            distinct++;
            if (leaves >= 2)
            {
                var gap = maxF - minF.MinValue;
                if (gap > 0 && gap >= bestGap)
                {
                    var first = Math.Min(maxFLeaf, minF.MinIndex);
                    var second = Math.Max(maxFLeaf, minF.MinIndex);
                    if (gap > bestGap || first < gapFirst || (first == gapFirst && second < gapSecond))
                    {
                        (bestGap, gapFirst, gapSecond) = (gap, first, second);
                    }
                }

                if (withPenalty)
                {
                    var bound = maxLow - minHigh.MinValue;
                    if (bound > bestBound && maxLowLeaf != minHigh.MinIndex)
                    {
                        (bestBound, boundHigh, boundLow) = (bound, maxLowLeaf, minHigh.MinIndex);
                    }
                }
            }
        }

        result.MaxPairwiseKs = bestGap;
        result.WidestPair = leaves >= 2 ? (groupOfLeaf[gapFirst], groupOfLeaf[gapSecond]) : null;
        result.BoundPair = boundHigh >= 0 ? (groupOfLeaf[Math.Min(boundHigh, boundLow)], groupOfLeaf[Math.Max(boundHigh, boundLow)]) : null;
        if (withW1)
        {
            result.CloseW1(new FlatViews(offsets, flatCumulative, totals), w1, lastPosition, points, distinct);
        }
        ArrayPool<PoolPoint>.Shared.Return(points);
        ArrayPool<double>.Shared.Return(flatValues);
        ArrayPool<long>.Shared.Return(flatCumulative);
        ArrayPool<double>.Shared.Return(sortedValues);
        ArrayPool<int>.Shared.Return(sortedGroups);
        return result;
    }
}
