using MathNet.Numerics.Statistics;

namespace FairnessGuard.Metrics;

/// <summary>Computes a <see cref="FairnessReport{TGroup}"/>: every demographic-parity measure of a set of outputs at once.</summary>
public static class FairnessAudit
{
    /// <summary>Audits <paramref name="outputs"/> grouped by <paramref name="groups"/>.</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="outputs">The model outputs; NaN and ±∞ are left out and counted.</param>
    /// <param name="groups">The group of each output (same length).</param>
    /// <param name="options">Threshold, confidence, quantile levels; defaults when null.</param>
    /// <returns>The report.</returns>
    public static FairnessReport<TGroup> Evaluate<TGroup>(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups, FairnessAuditOptions? options = null)
        where TGroup : notnull
        => Evaluate(GroupedOutputs<TGroup>.Create(outputs, groups), options);

    /// <summary>Audits outputs already partitioned by group.</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="data">The grouped outputs.</param>
    /// <param name="options">Threshold, confidence, quantile levels; defaults when null.</param>
    /// <returns>The report.</returns>
    public static FairnessReport<TGroup> Evaluate<TGroup>(GroupedOutputs<TGroup> data, FairnessAuditOptions? options = null)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FairnessAuditOptions();
        options.Validate();

        var k = data.Groups.Count;
        var pooled = data.PooledArray;
        var reports = new GroupReport<TGroup>[k];
        var parallel = pooled.Length >= ParallelThreshold;
        void Report(int g)
        {
            var sorted = data.SortedArray(g);
            var quantiles = new double[options.QuantileLevels.Count];
            for (var q = 0; q < quantiles.Length; q++)
            {
                quantiles[q] = sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, options.QuantileLevels[q], QuantileDefinition.R7);
            }

            var (ks, w1) = UnitWalk.KsAndW1(sorted, pooled);
            reports[g] = new GroupReport<TGroup>(
                data.Groups[g],
                sorted.Length,
                pooled.Length == 0 ? 0 : sorted.Length / (double)pooled.Length,
                sorted.Length == 0 ? double.NaN : ArrayStatistics.Mean(sorted),
                quantiles,
                ks,
                w1,
                options.Threshold is { } t ? SelectionRates.Rate(sorted, t, options.Favorable) : null);
        }

        // Each group's walks against the pool (and each pair's KS and MMD) are independent: on large data they
        // run in parallel; the results are combined in a fixed order, so the report does not depend on it.
        For(k, parallel, Report);

        // With few groups the pairs' KS are computed in parallel first (k² values); else one pair at a time.
        var pairKs = parallel && k <= MaxParallelGroups ? new double[k, k] : null;
        if (pairKs is not null)
        {
            For(k * k, true, ab =>
            {
                var (a, b) = Math.DivRem(ab, k);
                if (a < b)
                {
                    pairKs[a, b] = UnitWalk.Ks(data.Sorted(a), data.Sorted(b));
                }
            });
        }

        // KS unfairness over all pairs; its DKW bound splits δ over all k groups so the max is valid.
        double maxKs = 0, maxBound = 0;
        (TGroup, TGroup)? pair = null;
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                var ks = pairKs?[a, b] ?? UnitWalk.Ks(data.Sorted(a), data.Sorted(b));
                if (pair is null || ks > maxKs)
                {
                    maxKs = ks;
                    pair = (data.Groups[a], data.Groups[b]);
                }

                var na = data.Sorted(a).Length;
                var nb = data.Sorted(b).Length;
                if (na > 0 && nb > 0)
                {
                    maxBound = Math.Max(maxBound, DkwBound.KsLowerBound(ks, na, nb, options.Confidence, Math.Max(k, 2)));
                }
            }
        }

        return new FairnessReport<TGroup>(reports, options.QuantileLevels, data.NonFiniteCount, maxKs, pair, maxBound, options.Confidence, options.Threshold, MaxMmd(data, options));
    }

    // Below this many outputs in all, the audit runs on one thread.
    private const int ParallelThreshold = 1 << 16;

    // Up to this many groups the pairwise KS table is computed in parallel.
    private const int MaxParallelGroups = 64;

    private static void For(int count, bool parallel, Action<int> body)
    {
        if (parallel && count > 1)
        {
            Parallel.For(0, count, body);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            body(i);
        }
    }

    private static double MaxMmd<TGroup>(GroupedOutputs<TGroup> data, FairnessAuditOptions options)
        where TGroup : notnull
    {
        if (options.MmdSampleCap < 2 || data.Groups.Count < 2)
        {
            return double.NaN;
        }

        var random = new Random(options.Seed);
        var samples = new double[data.Groups.Count][];
        for (var g = 0; g < samples.Length; g++)
        {
            samples[g] = Subsample(data.SortedArray(g), options.MmdSampleCap, random);
        }

        var k = samples.Length;
        var mmd = new double[k, k];
        For(k * k, data.Count >= ParallelThreshold && k <= MaxParallelGroups, ab =>
        {
            var (a, b) = Math.DivRem(ab, k);
            mmd[a, b] = a >= b || samples[a].Length < 2 || samples[b].Length < 2
                ? double.NaN
                : MmdDistance.UnbiasedSquared(samples[a], samples[b], MmdDistance.MedianHeuristic(samples[a], samples[b]));
        });

        var max = double.NaN;
        foreach (var value in mmd)
        {
            if (!double.IsNaN(value))
            {
                max = double.IsNaN(max) ? value : Math.Max(max, value);
            }
        }

        return max;
    }

    // A uniform sample of cap values without replacement: the first cap steps of a Fisher–Yates shuffle,
    // with the swapped positions kept in a map, so a large group is neither copied nor shuffled whole.
    private static double[] Subsample(double[] values, int cap, Random random)
    {
        if (values.Length <= cap)
        {
            return values;
        }

        var sample = new double[cap];
        var moved = new Dictionary<int, int>(2 * cap);
        for (var i = 0; i < cap; i++)
        {
            var j = random.Next(i, values.Length);
            var atI = moved.GetValueOrDefault(i, i);
            sample[i] = values[moved.GetValueOrDefault(j, j)];
            moved[j] = atI;
        }

        return sample;
    }
}
