using FairnessGuard.Correction;
using FairnessGuard.Monitoring;
using FairnessGuard.Sketches;
using FairnessGuard.Telemetry;

namespace FairnessGuard.Guard;

/// <content>Reporting: parity measures, honest counts, violations and their resolution, faults. Off the prediction path.</content>
public sealed partial class ParityGuard<TGroup>
{
    private readonly object _reviewLock = new();
    private readonly RawSweepMemo _rawSweeps = new();

    // The items the last review's and the last report's views took (the next arena's size).
    private long _reviewViewItems;
    private long _reportViewItems;
    private GuardReport _lastReport;
    private long _faults;
    private long _loggedNonFinite;
    private DateTimeOffset? _lastViolationAt;
    private bool _violationOpen;

    /// <summary>The report computed at the last review (cheap; see <see cref="GetReport"/> for a fresh one).</summary>
    public GuardReport LastReport => Volatile.Read(ref _lastReport);

    /// <summary>Calls on which the guard itself failed and returned the raw output (should stay 0).</summary>
    public long FaultCount => Interlocked.Read(ref _faults);

    /// <summary>What the guard did with every output so far: changed, passed through and why.</summary>
    public GuardCounts Counts => Totals().ToCounts();

    /// <summary>Flushes and measures parity now (does not change the map). Never throws: on an internal failure the last report is returned and the fault counted.</summary>
    /// <returns>The report.</returns>
    public GuardReport GetReport()
    {
        var arena = new ViewArena(Interlocked.Read(ref _reportViewItems));
        try
        {
            Flush();
            var (captures, rawFigures) = Capture(_table.All, null, arena);
            return Evaluate(Volatile.Read(ref _map), captures, rawFigures);
        }
        catch (Exception ex)
        {
            Fault(ex);
            return LastReport;
        }
        finally
        {
            // The report holds figures, not views: the views' arrays go back to the pool for the next one.
            Interlocked.Exchange(ref _reportViewItems, arena.Wanted);
            arena.Release();
        }
    }

    // Measures parity, publishes the report, raises a violation or marks one resolved. `built`: the raw captures
    // the map build just before kept for it (by slot), taken where their stamps still hold; their arena and the
    // review's own are released at the end (nothing the review publishes holds a view).
    private void Review(KeptViews? built = null)
    {
        lock (_reviewLock)
        {
            var arena = new ViewArena(_reviewViewItems);
            try
            {
                var (captures, rawFigures) = Capture(_table.All, built?.Slots, arena);
                var report = Evaluate(Volatile.Read(ref _map), captures, rawFigures);
                Volatile.Write(ref _lastReport, report);
                ReportNonFinite(report);
                var violation = ParityMonitor.ViolationFor(report, captures, _options);
                if (violation is not null)
                {
                    _violationOpen = true;
                    Raise(violation);
                }
                else if (_violationOpen)
                {
                    _violationOpen = false;
                    _metrics.Resolved();
                    GuardLog.ParityRestored(_logger, _options.PolicyName, report.ReturnedKs, report.ReturnedKsLowerBound, _options.Tolerance);
                }
            }
            catch (Exception ex)
            {
                GuardLog.RebuildFailed(_logger, ex, _options.PolicyName);
            }
            finally
            {
                _reviewViewItems = arena.Wanted;
                arena.Release();
                built?.Arena.Release();
            }
        }
    }

    private GuardReport Evaluate(BarycenterMap map, GroupCapture[] captures, RawSweepMemo.Entry? rawFigures)
    {
        var counters = new GroupCounters[captures.Length];
        long bytes = 0;
        for (var i = 0; i < captures.Length; i++)
        {
            counters[i] = captures[i].State.Counters();
            bytes += captures[i].State.EstimatedBytes();
        }

        var report = ParityMonitor.Evaluate(captures, counters, _options, map.Version, slot => !_monitorOnly && map.IsActive(slot), _options.TimeProvider.GetUtcNow(), bytes, _rawSweeps, rawFigures);
        return report with { Counts = Totals().ToCounts() };
    }

    // Every group's picture. A group whose raw stamp is the one of the last raw figures comes without its raw
    // view; if those figures turn out not to cover this report (another group or the pair set changed), the
    // groups are captured again in full, so the new raw figures are computed from one consistent picture.
    private (GroupCapture[] Captures, RawSweepMemo.Entry? RawFigures) Capture(GroupState[] states, KeptRaw?[]? built, ViewArena arena)
    {
        var last = _rawSweeps.Last;
        var captures = new GroupCapture[states.Length];

        // Each capture lands in its slot: with many groups, the two halves are taken on both cores.
        TwoCores.Halves(states.Length, TwoCores.Worth(Volatile.Read(ref _mapSamples)), (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                captures[i] = states[i].Capture(_options.Confidence, last?.StampOf(i) ?? default, Built(built, states[i].Slot), arena);
            }
        });

        var skipped = false;
        foreach (var capture in captures)
        {
            skipped |= capture.Raw is null;
        }

        if (last is not null && last.Matches(captures, ParityMonitor.InPairs(captures)))
        {
            return (captures, last);
        }

        if (skipped)
        {
            for (var i = 0; i < states.Length; i++)
            {
                captures[i] = states[i].Capture(_options.Confidence, handed: Built(built, states[i].Slot), arena: arena);
            }
        }

        return (captures, null);
    }

    private static RawCapture Built(KeptRaw?[]? built, int slot) => built is not null && (uint)slot < (uint)built.Length ? built[slot]?.Capture ?? default : default;

    // At most one violation per ViolationInterval per policy; logged, counted and written to every sink.
    private void Raise(ParityViolation violation)
    {
        if (_lastViolationAt is { } last && violation.Timestamp - last < _options.ViolationInterval)
        {
            return;
        }

        _lastViolationAt = violation.Timestamp;
        _metrics.Violation();
        GuardLog.Violation(_logger, violation.PolicyName, violation.MethodName ?? "(unnamed)", violation.FirstGroup, violation.SecondGroup, violation.Gap, violation.LowerBound, violation.Tolerance, violation.FirstCount, violation.SecondCount, violation.RawGap);
        foreach (var sink in _options.Sinks)
        {
            try
            {
                var pending = sink.WriteAsync(violation, _disposed.Token);
                if (!pending.IsCompletedSuccessfully)
                {
                    _ = ObserveAsync(pending, sink);
                }
            }
            catch (Exception ex)
            {
                SinkFailed(ex, sink);
            }
        }
    }

    private async Task ObserveAsync(ValueTask pending, IViolationSink sink)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SinkFailed(ex, sink);
        }
    }

    private void SinkFailed(Exception ex, IViolationSink sink)
    {
        _metrics.SinkFailure();
        GuardLog.SinkFailed(_logger, ex, _options.PolicyName, sink.GetType().Name);
    }

    // Logged on the 1st, 2nd, 4th, 8th … fault, so a persistent fault cannot flood the log.
    private void Fault(Exception ex)
    {
        var faults = Interlocked.Increment(ref _faults);
        if ((faults & (faults - 1)) == 0)
        {
            GuardLog.GuardFault(_logger, ex, _options.PolicyName);
        }
    }

    // Logged when non-finite outputs first appear and each time their count doubles.
    private void ReportNonFinite(GuardReport report)
    {
        long total = 0;
        foreach (var g in report.Groups)
        {
            total += g.NonFinite;
        }

        if (total > 0 && total >= 2 * _loggedNonFinite)
        {
            _loggedNonFinite = Math.Max(total, 1);
            GuardLog.NonFiniteOutputs(_logger, _options.PolicyName, total);
        }
    }

    private GuardTotals Totals()
    {
        long predictions = 0, corrections = 0, changed = 0, warm = 0, monitor = 0, noHarm = 0, nonFinite = 0, drift = 0;
        var all = _table.All;
        foreach (var state in all)
        {
            var c = state.Counters();
            predictions += c.Predictions;
            corrections += c.Corrections;
            changed += c.Changed;
            warm += c.WarmUpPassThroughs;
            monitor += c.MonitorPassThroughs;
            noHarm += c.NoHarmPassThroughs;
            nonFinite += c.NonFinite;
            drift += state.DriftRestarts;
        }

        return new GuardTotals(predictions, corrections, warm, monitor, nonFinite, Interlocked.Read(ref _faults), all.Length, changed, noHarm, drift);
    }
}
