using System.Diagnostics;
using FairnessGuard.Correction;
using FairnessGuard.Monitoring;
using FairnessGuard.Telemetry;

namespace FairnessGuard;

/// <content>Map rebuilds, parity evaluation and violations: all off the prediction path.</content>
public sealed partial class ParityGuard<TGroup>
{
    private void Rebuild()
    {
        lock (_rebuildLock)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref _pendingSamples, 0);
                Volatile.Write(ref _lastRebuildTimestamp, _options.TimeProvider.GetTimestamp());
                var states = _table.All;
                var captures = Capture(states);
                var distributions = new GroupDistribution?[states.Length];
                foreach (var c in captures)
                {
                    if (c.Samples >= _options.WarmUp)
                    {
                        distributions[c.State.Slot] = new GroupDistribution(c.Raw, c.RawMin, c.RawMax, c.Samples);
                    }
                    else if (!c.State.WarmUpAnnounced)
                    {
                        c.State.WarmUpAnnounced = true;
                        GuardLog.WarmingUp(_logger, _options.PolicyName, c.State.Label, c.Samples, _options.WarmUp);
                    }
                }

                var previous = Volatile.Read(ref _map);
                var map = BarycenterMapBuilder.Build(distributions, _options.Knots, previous.Version + 1);
                Volatile.Write(ref _map, map);
                _metrics.Rebuild();
                if (previous.ActiveGroups < 2 && map.ActiveGroups >= 2 && !_monitorOnly)
                {
                    GuardLog.CorrectionActive(_logger, _options.PolicyName, map.ActiveGroups, map.Version);
                }

                GuardLog.MapRebuilt(_logger, _options.PolicyName, map.Version, map.ActiveGroups, states.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var report = Evaluate(map, captures);
                Volatile.Write(ref _lastReport, report);
                ReportNonFinite(report);
                var violation = ParityMonitor.ViolationFor(report, captures, _options);
                if (violation is not null)
                {
                    Raise(violation);
                }
            }
            catch (Exception ex)
            {
                GuardLog.RebuildFailed(_logger, ex, _options.PolicyName);
            }
        }
    }

    private GuardReport Evaluate(BarycenterMap map, GroupCapture[] captures)
    {
        var counters = new GroupCounters[captures.Length];
        long bytes = 0;
        for (var i = 0; i < captures.Length; i++)
        {
            counters[i] = captures[i].State.Counters();
            bytes += captures[i].State.EstimatedBytes();
        }

        return ParityMonitor.Evaluate(captures, counters, _options, map.Version, slot => !_monitorOnly && map.IsActive(slot), _options.TimeProvider.GetUtcNow(), bytes);
    }

    private GroupCapture[] Capture(GroupState[] states)
    {
        var captures = new GroupCapture[states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            captures[i] = states[i].Capture(_options.Confidence);
        }

        return captures;
    }

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
}
