using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

namespace FairnessGuard.Monitoring;

/// <summary>
/// Measures parity from the groups' sketches: KS (largest pairwise gap) of raw and returned outputs, its
/// confidence lower bound, W1 and KS of each group to the pool, and selection rates at the policy's
/// thresholds. A violation is due only when the lower bound exceeds the tolerance, so small samples never
/// raise false alarms.
/// </summary>
internal static class ParityMonitor
{
    public static GuardReport Evaluate(IReadOnlyList<GroupCapture> captures, IReadOnlyList<GroupCounters> counters, ParityGuardOptions options, long mapVersion, Func<int, bool> inPlay, DateTimeOffset now, long bytes)
    {
        var measured = new List<int>();
        for (var i = 0; i < captures.Count; i++)
        {
            if (captures[i].ReturnedCount > 0)
            {
                measured.Add(i);
            }
        }

        var rawPool = PooledDistribution.Of([.. captures.Select(c => c.Raw)]);
        var returnedPool = PooledDistribution.Of([.. captures.Select(c => c.Returned)]);
        var groups = new GroupParity[captures.Count];
        var inPlayCount = 0;
        for (var i = 0; i < captures.Count; i++)
        {
            var c = captures[i];
            var n = counters[i];
            var active = inPlay(c.State.Slot);
            inPlayCount += active ? 1 : 0;
            groups[i] = new GroupParity(
                c.State.Label,
                c.Samples,
                n.Predictions,
                n.Corrections,
                n.WarmUpPassThroughs,
                n.MonitorPassThroughs,
                n.NonFinite,
                active,
                KsDistance.Compute(c.Raw, rawPool),
                KsDistance.Compute(c.Returned, returnedPool),
                WassersteinDistance.W1(c.Raw, rawPool),
                WassersteinDistance.W1(c.Returned, returnedPool),
                Rates(c.Raw, options.Thresholds),
                Rates(c.Returned, options.Thresholds));
        }

        // Widest returned gap and its bound; the DKW failure probability is split over all measured groups.
        double rawKs = 0, returnedKs = 0, bound = 0;
        (string, string)? pair = null;
        var family = Math.Max(2, measured.Count);
        var delta = (1 - options.Confidence) / family;
        foreach (var a in measured)
        {
            foreach (var b in measured)
            {
                if (b <= a)
                {
                    continue;
                }

                var ca = captures[a];
                var cb = captures[b];
                rawKs = Math.Max(rawKs, KsDistance.Compute(ca.Raw, cb.Raw));
                var ks = KsDistance.Compute(ca.Returned, cb.Returned);
                var lower = ks - DkwBound.Epsilon(ca.ReturnedCount, delta) - DkwBound.Epsilon(cb.ReturnedCount, delta) - ca.ReturnedRankError - cb.ReturnedRankError;
                if (pair is null || ks > returnedKs)
                {
                    returnedKs = ks;
                    pair = (ca.State.Label, cb.State.Label);
                }

                bound = Math.Max(bound, lower);
            }
        }

        return new GuardReport(options.PolicyName, options.Mode, now, mapVersion, inPlayCount >= 2 ? inPlayCount : 0, groups, options.Thresholds, rawKs, returnedKs, bound, pair, options.Confidence, bytes);
    }

    /// <summary>The violation due for a report, or null when the bound is within tolerance.</summary>
    public static ParityViolation? ViolationFor(GuardReport report, IReadOnlyList<GroupCapture> captures, ParityGuardOptions options)
    {
        if (report.ReturnedKsLowerBound <= options.Tolerance || report.WidestPair is not { } pair)
        {
            return null;
        }

        GroupCapture? first = null, second = null;
        foreach (var c in captures)
        {
            first = c.State.Label == pair.First && first is null ? c : first;
            second = c.State.Label == pair.Second && second is null ? c : second;
        }

        return new ParityViolation(
            options.PolicyName,
            options.MethodName,
            report.Timestamp,
            options.Mode,
            pair.First,
            pair.Second,
            report.ReturnedKs,
            report.ReturnedKsLowerBound,
            options.Tolerance,
            options.Confidence,
            first?.ReturnedCount ?? 0,
            second?.ReturnedCount ?? 0,
            first is null || second is null ? double.NaN : KsDistance.Compute(first.Raw, second.Raw));
    }

    private static double[] Rates(SortedView view, IReadOnlyList<double> thresholds)
    {
        var rates = new double[thresholds.Count];
        for (var t = 0; t < rates.Length; t++)
        {
            rates[t] = view.TotalWeight == 0 ? 0 : 1 - view.GetRankExclusive(thresholds[t]);
        }

        return rates;
    }
}
