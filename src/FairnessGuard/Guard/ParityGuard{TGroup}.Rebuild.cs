using System.Diagnostics;
using FairnessGuard.Correction;
using FairnessGuard.Monitoring;
using FairnessGuard.Telemetry;

namespace FairnessGuard.Guard;

/// <content>Map maintenance: build the barycenter map from the raw sketches and publish it, off the prediction path.</content>
public sealed partial class ParityGuard<TGroup>
{
    private readonly object _rebuildLock = new();

    // Under _rebuildLock: per slot, the raw stamp the current map's grid was computed from.
    private RawStamp[] _gridStamps = [];

    // Under _rebuildLock: the items the last build kept for its review (the next arena's size).
    private long _keptViewItems;

    /// <summary>The published map (tests compare a reused grid with a fresh one).</summary>
    internal BarycenterMap CurrentMap => Volatile.Read(ref _map);

    /// <summary>Every group's state by slot (tests).</summary>
    internal GroupState[] GroupStates => _table.All;

    // The group's knots, computed while its (rented) view is at hand, so one view is alive at a time.
    private KnotIndex GridOf(Sketches.SortedView view, double min, double max, long n)
    {
        var grid = new double[_options.Knots];
        new GroupDistribution(view, min, max, n).QuantilesOnGrid(grid);
        return new KnotIndex(grid);
    }

    // One group's part of a map build: its raw capture, and its distribution (with its grid, reused while its raw
    // stamp holds) written to its slot; the view is kept for the review in `kept`, else returned to the pool.
    private void CaptureForBuild(GroupState state, BarycenterMap last, RawStamp[] known, GroupDistribution?[] distributions, long[] samples, RawStamp[] stamps, KeptViews? kept)
    {
        // An alert or a cleared alert is acted on here, off the prediction path (GroupState.SettleForBuild).
        state.SettleForBuild();

        // A group whose raw sketches have not changed since the last map keeps that map's grid: no view,
        // no quantile walk, no new knot index (the grid is what the walk would write again).
        var reusable = (uint)state.Slot < (uint)known.Length ? last.Index(state.Slot) : null;
        var knownStamp = reusable is null ? default : known[state.Slot];
        var capture = kept is null ? state.CaptureRawUnless(knownStamp) : state.CaptureRawKept(knownStamp, _options.Confidence, kept.Arena);
        var (stamp, view, min, max, n, _) = capture;
        stamps[state.Slot] = stamp;
        samples[state.Slot] = n;
        if (n >= _options.WarmUp || (_options.Shrinkage && n > 0 && (view?.TotalWeight ?? 1) > 0))
        {
            distributions[state.Slot] = new GroupDistribution(view is null ? reusable! : GridOf(view, min, max, n), n);
        }

        if (kept is null)
        {
            view?.ReturnToPool();
        }
        else if (view is not null)
        {
            kept.Slots[state.Slot] = new KeptRaw(capture);
        }
    }

    // Caller holds _rebuildLock. A failure keeps the previous map (event 1005). A restored guard keeps its
    // returned sketches (they were judged under the snapshotted guard's maps). With keepRaw (a review follows at
    // once) the changed groups' raw views are kept (in an arena the review releases) and returned by slot for that
    // review instead of going back to the pool; otherwise null.
    private KeptViews? BuildMapLocked(bool restoring = false, bool keepRaw = false)
    {
        KeptViews? kept = null;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var states = _table.All;
            var distributions = new GroupDistribution?[states.Length];
            var samples = new long[states.Length];
            var stamps = new RawStamp[states.Length];
            var last = Volatile.Read(ref _map);
            var known = _gridStamps;
            kept = keepRaw ? new KeptViews(new KeptRaw?[states.Length], new Sketches.ViewArena(_keptViewItems)) : null;

            // Each group's capture and knot grid lands in its slot, so the groups can be split over two cores
            // (many groups with new samples) with the same results.
            var keptNow = kept;
            TwoCores.Halves(states.Length, TwoCores.Worth((long)states.Length * _options.Knots), (from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    CaptureForBuild(states[i], last, known, distributions, samples, stamps, keptNow);
                }
            });

            _keptViewItems = kept?.Arena.Wanted ?? _keptViewItems;

            var warm = 0;
            long total = 0;
            foreach (var state in states)
            {
                var n = samples[state.Slot];
                total += n;
                warm += n >= _options.WarmUp ? 1 : 0;
                if (n < _options.WarmUp && !state.WarmUpAnnounced)
                {
                    state.WarmUpAnnounced = true;
                    GuardLog.WarmingUp(_logger, _options.PolicyName, state.Label, n, _options.WarmUp);
                }
            }

            var previous = Volatile.Read(ref _map);
            var wasCorrecting = IsCorrecting;
            // With shrinkage every group joins from its first sample, shrunk according to its evidence, once one
            // group is warm or all of them together hold WarmUp samples (many small groups); without it two groups
            // must be warm.
            var ready = _options.Shrinkage ? warm >= 1 || total >= _options.WarmUp : warm >= 2;
            var build = ready
                ? BarycenterMapBuilder.Build(distributions, _options.Knots, previous.Version + 1, _options.Shrinkage, _options.Confidence, _options.ShrinkageConfidence, _options.TieJitter)
                : new BarycenterBuild(new BarycenterMap([], [], 0, previous.Version + 1), new double[]?[states.Length], 0, []);
            var map = build.Map;

            // Do no harm (NoHarmRule): correct while some group's raw gap to the rest exceeds the sampling noise of a fair
            // stream by more than the threshold, unless every pair is within the tolerance with confidence; re-decided at
            // every rebuild on everything seen so far.
            var hold = _options.NoHarmWhenFair && map.ActiveGroups >= 2
                && (build.RawGapExcess <= _options.NoHarmThreshold || build.RawGapUpper <= _options.Tolerance);
            _holdBack = hold;
            var lambdas = new double[build.Evidence.Length];
            for (var i = 0; i < lambdas.Length; i++)
            {
                lambdas[i] = _strength * build.Evidence[i];
            }

            Volatile.Write(ref _lambdas, lambdas);
            Volatile.Write(ref _map, map);
            _gridStamps = stamps;
            // History held aside after another group's change still counts in the guard's size (GroupState.HeldSamples).
            long held = 0;
            foreach (var state in states)
            {
                held += state.HeldSamples;
            }

            Volatile.Write(ref _mapSamples, total + held);
            foreach (var state in states)
            {
                state.NextBuildAt = NextBuildAt(samples[state.Slot]);
                state.SetReference(build.RawGrids[state.Slot], samples[state.Slot]);
            }

            _metrics.Rebuild();
            if (!wasCorrecting && IsCorrecting && !restoring)
            {
                // Parity is judged only on outputs the maps produced: the returned sketches start afresh.
                foreach (var state in states)
                {
                    state.ResetReturned();
                }

                GuardLog.CorrectionActive(_logger, _options.PolicyName, map.ActiveGroups, map.Version);
            }

            GuardLog.MapRebuilt(_logger, _options.PolicyName, map.Version, map.ActiveGroups, states.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            GuardLog.RebuildFailed(_logger, ex, _options.PolicyName);
        }

        return kept;
    }
}
