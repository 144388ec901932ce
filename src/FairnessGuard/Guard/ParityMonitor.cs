using FairnessGuard.Distributions;
using FairnessGuard.Metrics;
using FairnessGuard.Monitoring;
using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>
/// Measures parity from the groups' sketches: KS (largest pairwise gap) of raw and returned outputs, its
/// confidence lower bound, W1 and KS of each group to the pool, and selection rates at the policy's
/// thresholds. A violation is due only when the lower bound exceeds the tolerance, so small samples never
/// raise false alarms.
/// </summary>
internal static class ParityMonitor
{
    /// <summary>Which groups take part in the pairwise figures: those with returned outputs to judge.</summary>
    public static bool[] InPairs(IReadOnlyList<GroupCapture> captures)
    {
        var inPairs = new bool[captures.Count];
        for (var i = 0; i < inPairs.Length; i++)
        {
            inPairs[i] = captures[i].ReturnedCount > 0;
        }

        return inPairs;
    }

    /// <summary>The report for <paramref name="captures"/>; the raw figures come from <paramref name="rawFigures"/> when given (they match the captures), else from <paramref name="memo"/>'s new run.</summary>
    public static GuardReport Evaluate(IReadOnlyList<GroupCapture> captures, IReadOnlyList<GroupCounters> counters, ParityGuardOptions options, long mapVersion, Func<int, bool> inPlay, DateTimeOffset now, long bytes, RawSweepMemo memo, RawSweepMemo.Entry? rawFigures)
    {
        var measured = new List<int>();
        var inPairs = InPairs(captures);
        for (var i = 0; i < captures.Count; i++)
        {
            if (inPairs[i])
            {
                measured.Add(i);
            }
        }

        // One merged sweep per family gives the pairwise maxima and every group's distances to the pool in
        // O(N log K) (ParitySweep); comparing all pairs cost O(K² k): 40 s at 1,000 groups.
        var count = captures.Count;
        var penalty = new double[count];
        var returned = new SortedView[count];
        var family = Math.Max(2, measured.Count);
        var delta = (1 - options.Confidence) / family;
        foreach (var i in measured)
        {
            penalty[i] = DkwBound.Epsilon(captures[i].ReturnedCount, delta) + captures[i].ReturnedRankError;
        }

        for (var i = 0; i < count; i++)
        {
            returned[i] = captures[i].Returned;
        }

        // The raw and the returned sweep are independent: with many values they run on both cores.
        var rawFiguresNow = rawFigures;
        ParitySweep? returnedSweepNow = null;
        TwoCores.Both(
            rawFigures is null && TwoCores.Worth(Values(captures)),
            () => rawFiguresNow ??= memo.Compute(captures, inPairs, options.Thresholds),
            () => returnedSweepNow = ParitySweep.Run(returned, inPairs, penalty));
        var rawSweep = rawFiguresNow!.Sweep;
        var returnedSweep = returnedSweepNow!;
        var groups = new GroupParity[count];
        var inPlayCount = 0;
        for (var i = 0; i < count; i++)
        {
            var c = captures[i];
            var n = counters[i];
            var active = inPlay(c.State.Slot);
            inPlayCount += active ? 1 : 0;
            groups[i] = new GroupParity
            {
                Group = c.State.Label,
                Samples = c.Samples,
                Predictions = n.Predictions,
                Corrections = n.Corrections,
                WarmUpPassThroughs = n.WarmUpPassThroughs,
                MonitorPassThroughs = n.MonitorPassThroughs,
                NonFinite = n.NonFinite,
                InPlay = active,
                RawKsToPool = rawSweep.KsToPool[i],
                ReturnedKsToPool = returnedSweep.KsToPool[i],
                RawW1ToPool = rawSweep.W1ToPool[i],
                ReturnedW1ToPool = returnedSweep.W1ToPool[i],
                RawSelectionRates = rawFiguresNow.RawRates[i],
                ReturnedSelectionRates = RawSweepMemo.Rates(c.Returned, options.Thresholds),
            };
        }

        // Widest returned gap and its bound; the DKW failure probability is split over all measured groups.
        // The bound is recomputed for the pair the sweep found with the pairwise formula, so it is that
        // pair's figure to the last bit.
        var rawKs = rawSweep.MaxPairwiseKs;
        var returnedKs = returnedSweep.MaxPairwiseKs;
        (string, string)? pair = returnedSweep.WidestPair is { } w ? (captures[w.First].State.Label, captures[w.Second].State.Label) : null;
        double bound = 0;
        if (returnedSweep.BoundPair is { } b)
        {
            var ca = captures[b.First];
            var cb = captures[b.Second];
            var ks = Distance.KolmogorovSmirnov(ca.Returned, cb.Returned);
            bound = Math.Max(0, ks - DkwBound.Epsilon(ca.ReturnedCount, delta) - DkwBound.Epsilon(cb.ReturnedCount, delta) - ca.ReturnedRankError - cb.ReturnedRankError);
        }

        return new GuardReport
        {
            PolicyName = options.PolicyName,
            Mode = options.Mode,
            Timestamp = now,
            MapVersion = mapVersion,
            GroupsInPlay = inPlayCount >= 2 ? inPlayCount : 0,
            Groups = groups,
            Thresholds = options.Thresholds,
            RawKs = rawKs,
            ReturnedKs = returnedKs,
            ReturnedKsLowerBound = bound,
            WidestPair = pair,
            Confidence = options.Confidence,
            EstimatedBytes = bytes,
        };
    }

    // The values the raw sweep would order (the views the capture holds).
    private static long Values(IReadOnlyList<GroupCapture> captures)
    {
        long values = 0;
        foreach (var c in captures)
        {
            values += c.Raw?.Values.Length ?? 0;
        }

        return values;
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
            first is null || second is null ? double.NaN : Distance.KolmogorovSmirnov(RawOf(first, options), RawOf(second, options)));
    }

    // A capture that reused the memo's raw figures has no raw view: the pair's views are taken now.
    private static SortedView RawOf(GroupCapture capture, ParityGuardOptions options) =>
        capture.Raw ?? capture.State.Capture(options.Confidence).Raw!;
}
