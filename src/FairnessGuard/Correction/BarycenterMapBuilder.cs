using FairnessGuard.Monitoring;

namespace FairnessGuard.Correction;

/// <summary>Builds a <see cref="BarycenterMap"/> from the groups' distributions (off the hot path).</summary>
internal static class BarycenterMapBuilder
{
    /// <summary>
    /// Builds the map for the groups given by slot (null = not in play). Weights are the groups' shares of
    /// all samples of the groups in play, never of one call's groups. Fewer than two groups give an empty map.
    /// </summary>
    public static BarycenterMap Build(ReadOnlySpan<GroupDistribution?> bySlot, int knotCount, long version) =>
        Build(bySlot, knotCount, version, shrink: false, confidence: 0.95, shrinkConfidence: 0.5).Map;

    /// <summary>
    /// Builds the map and, with shrinkage, each group's evidence weight (<see cref="ShrinkageRule"/>), and measures the raw
    /// gap: the largest excess of a group's gap to the rest over the do-no-harm critical value (<see cref="RawGapExcess"/> at <see cref="NoHarmRule.GroupLevel"/>), and an upper
    /// bound at <paramref name="confidence"/> on the largest pairwise raw gap (<see cref="BarycenterBuild.RawGapUpper"/>).
    /// </summary>
    /// <param name="bySlot">The groups' distributions by slot (null = not in play).</param>
    /// <param name="knotCount">Knots per group.</param>
    /// <param name="version">The new map's version.</param>
    /// <param name="shrink">Whether to compute the shrinkage weights.</param>
    /// <param name="confidence">The confidence of <see cref="BarycenterBuild.RawGapUpper"/>.</param>
    /// <param name="shrinkConfidence">The confidence of the shrinkage's noise level.</param>
    /// <param name="jitter">The tie-breaking jitter the knots were ranked with: runs of knots within it are one atom (<see cref="AtomSnap"/>).</param>
    public static BarycenterBuild Build(ReadOnlySpan<GroupDistribution?> bySlot, int knotCount, long version, bool shrink, double confidence, double shrinkConfidence, double jitter = 0)
    {
        double total = 0;
        var active = 0;
        foreach (var d in bySlot)
        {
            if (d is { } g)
            {
                total += g.Count;
                active++;
            }
        }

        var grids = new double[]?[bySlot.Length];
        if (active < 2 || total <= 0)
        {
            return new BarycenterBuild(new BarycenterMap([], [], 0, version), grids, 0, []);
        }

        var weights = new double[bySlot.Length];
        var bary = new double[knotCount];
        for (var s = 0; s < bySlot.Length; s++)
        {
            if (bySlot[s] is not { } g)
            {
                continue;
            }

            // A grid computed earlier from the same contents is reused (with its knot index) as it is.
            var known = g.Grid is { } index && index.Knots.Length == knotCount ? index : null;
            var x = grids[s] = known?.Knots ?? new double[knotCount];
            if (known is null)
            {
                g.QuantilesOnGrid(x);
            }

            weights[s] = g.Count / total;
        }

        // An atom's knots were spread by the jitter; the targets sum them as the one value they stand for, so a rank range
        // where the groups sit on atoms gets one exact target and every group's outputs there the same returned value.
        var sums = AtomSnap.ForTargets(grids, jitter);

        // Each knot's sum runs over the groups in slot order, so splitting the knots over two cores (many groups)
        // leaves every bit as one pass would.
        TwoCores.Halves(knotCount, TwoCores.Worth((long)active * knotCount), (from, to) =>
        {
            for (var s = 0; s < grids.Length; s++)
            {
                if (sums[s] is not { } x)
                {
                    continue;
                }

                var w = weights[s];
                for (var k = from; k < to; k++)
                {
                    bary[k] += w * x[k];
                }
            }
        });

        Monotone(bary);

        // Each group's CDF at the barycenter's knots is walked once, in MixtureGap, for the group's distance to the mixture;
        // from it, each group's gap to the rest is compared with the sampling noise of a fair stream (NoHarmRule) and
        // bounded above at (1 − confidence)/K.
        var mixture = new double[bySlot.Length];
        MixtureGap.Compute(grids, weights, bary, mixture);
        var level = NoHarmRule.GroupLevel(active);
        var split = (1 - confidence) / active;

        // Shrinkage scales each group's correction by 1 − w_s (its own knots stay exact, so atoms keep their
        // whole rank interval); the targets are the barycenter itself.
        var lower = double.NegativeInfinity;
        double upperFirst = 0, upperSecond = 0;
        var knots = new KnotIndex?[bySlot.Length];
        var evidence = new double[bySlot.Length];
        for (var s = 0; s < bySlot.Length; s++)
        {
            if (grids[s] is not { } q)
            {
                continue;
            }

            var n = bySlot[s]!.Value.Count;
            var versusRest = VersusRest(mixture[s], weights[s]);
            lower = Math.Max(lower, RawGapExcess(versusRest, n, total, level, knotCount));
            evidence[s] = shrink ? 1 - ShrinkageRule.Weight(n, total, versusRest, shrinkConfidence) : 1;

            // KS(F_s, F_t) ≤ KS(F_s, F_mix) + KS(F_t, F_mix), with equality for two groups: the two largest upper bounds
            // of the distance to the mixture bound every pair.
            var upper = (1 - weights[s]) * Math.Min(1, versusRest + ShrinkageRule.TwoSampleEpsilon(n, total, split));
            if (upper > upperFirst)
            {
                (upperFirst, upperSecond) = (upper, upperFirst);
            }
            else
            {
                upperSecond = Math.Max(upperSecond, upper);
            }

            knots[s] = bySlot[s]!.Value.Grid is { } reused && ReferenceEquals(reused.Knots, q) ? reused : new KnotIndex(q);
        }

        return new BarycenterBuild(new BarycenterMap(knots, bary, active, version), grids, lower, evidence)
        {
            RawGapUpper = Math.Min(1, upperFirst + upperSecond + (1.0 / Math.Max(1, knotCount - 1))),
        };
    }

    /// <summary>
    /// Group s's KS distance to the rest of the stream from its distance to the mixture of all groups,
    /// <c>KS(F_s, F_rest) = KS(F_s, F_mix) / (1 − w_s)</c> (exact: <c>F_s − F_mix = (1 − w_s)(F_s − F_rest)</c>).
    /// </summary>
    internal static double VersusRest(double mixtureGap, double weight) => Math.Min(1, mixtureGap / Math.Max(1e-9, 1 - weight));

    /// <summary>
    /// How far group s's raw gap to the rest exceeds what sampling alone explains: <paramref name="versusRest"/> minus
    /// the two-sample KS critical value <c>√(ln(2/α)/2 · (1/n_s + 1/(N − n_s)))</c> and the knot grid's resolution
    /// 1/(K−1). Positive: the gap is larger than the sampling noise of a fair stream at level α.
    /// </summary>
    internal static double RawGapExcess(double versusRest, double samples, double total, double alpha, int knotCount) =>
        versusRest - ShrinkageRule.TwoSampleEpsilon(samples, total, alpha) - (1.0 / Math.Max(1, knotCount - 1));

    private static void Monotone(Span<double> values)
    {
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] < values[k - 1])
            {
                values[k] = values[k - 1];
            }
        }
    }
}

/// <summary>A built map with what the rebuild measured on the way.</summary>
/// <param name="Map">The map to publish.</param>
/// <param name="RawGrids">Per slot, the group's raw quantiles on the knot grid (null when not in play): the drift detector's reference.</param>
/// <param name="RawGapExcess">The largest raw gap excess over the do-no-harm critical value (<see cref="BarycenterMapBuilder.RawGapExcess"/>): positive when some group's gap to the rest exceeds the sampling noise of a fair stream.</param>
/// <param name="Evidence">Per slot, 1 − w_s: the share of the barycenter correction the group gets (1 without shrinkage).</param>
internal sealed record BarycenterBuild(BarycenterMap Map, double[]?[] RawGrids, double RawGapExcess, double[] Evidence)
{
    /// <summary>An upper bound, at the build's confidence (Bonferroni over the groups), on the largest pairwise KS between the groups' raw outputs.</summary>
    public double RawGapUpper { get; init; } = 1;
}
