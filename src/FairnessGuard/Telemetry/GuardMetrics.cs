using System.Diagnostics;
using System.Diagnostics.Metrics;
using FairnessGuard.Monitoring;
using static FairnessGuard.Telemetry.FairnessGuardTelemetry;

namespace FairnessGuard.Telemetry;

/// <summary>
/// The guard's instruments on the meter <see cref="FairnessGuardTelemetry.MeterName"/>, in OpenTelemetry naming.
/// The meter comes from the options' <see cref="IMeterFactory"/> (DI's, which owns and shares it) or is the
/// guard's own (disposed with it). Counts are observed from the guard's own counters when a collector asks, so
/// the prediction path pays nothing for them. Every measurement carries the policy, and the method and
/// attribute when set, so guards sharing a policy name publish distinguishable series.
/// </summary>
internal sealed class GuardMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _violations;
    private readonly Counter<long> _rebuilds;
    private readonly Counter<long> _sinkFailures;
    private readonly Counter<long> _drift;
    private readonly Counter<long> _resolved;
    private readonly TagList _tags;
    private volatile bool _disposed;

    public GuardMetrics(string policy, string? method, string? attribute, IMeterFactory? factory, Func<GuardTotals> totals, Func<(double Raw, double Returned, double LowerBound)> gaps)
    {
        var version = typeof(GuardMetrics).Assembly.GetName().Version?.ToString();
        _ownsMeter = factory is null;
        _meter = factory?.Create(new MeterOptions(MeterName) { Version = version }) ?? new Meter(MeterName, version);
        _tags = new TagList { { PolicyTag, policy } };
        if (method is not null)
        {
            _tags.Add(MethodTag, method);
        }

        if (attribute is not null)
        {
            _tags.Add(AttributeTag, attribute);
        }

        // A factory's meter outlives the guard: once disposed, its observable instruments report nothing.
        var tags = _tags;
        _meter.CreateObservableCounter<long>(Predictions, () => Observe(totals().Predictions), "{prediction}", "Outputs seen by the guard.");
        _meter.CreateObservableCounter<long>(Corrections, () => Observe(totals().Corrections), "{prediction}", "Outputs produced by the barycenter map.");
        _meter.CreateObservableCounter<long>(OutputsChanged, () => Observe(totals().Changed), "{prediction}", "Outputs returned different from the raw output.");
        _meter.CreateObservableCounter(
            PassThroughs,
            IEnumerable<Measurement<long>> () =>
            {
                if (_disposed)
                {
                    return [];
                }

                var t = totals();
                return
                [
                    new Measurement<long>(t.WarmUp, With(tags, "reason", "warm_up")),
                    new Measurement<long>(t.Monitor, With(tags, "reason", "monitor")),
                    new Measurement<long>(t.NoHarm, With(tags, "reason", "no_harm")),
                    new Measurement<long>(t.NonFinite, With(tags, "reason", "non_finite")),
                    new Measurement<long>(t.Faults, With(tags, "reason", "fault")),
                ];
            },
            "{prediction}",
            "Outputs returned unchanged, by reason.");
        _meter.CreateObservableGauge(
            ParityKs,
            IEnumerable<Measurement<double>> () =>
            {
                if (_disposed)
                {
                    return [];
                }

                var g = gaps();
                return [new Measurement<double>(g.Raw, With(tags, "stage", "raw")), new Measurement<double>(g.Returned, With(tags, "stage", "returned"))];
            },
            "1",
            "Current KS unfairness (largest gap between two groups) of raw and returned outputs.");
        _meter.CreateObservableGauge<double>(ParityKsLowerBound, () => Observe(gaps().LowerBound), "1", "Confidence lower bound of the returned outputs' KS unfairness.");
        _meter.CreateObservableUpDownCounter<long>(Groups, () => Observe(totals().Groups), "{group}", "Groups tracked.");
        _violations = _meter.CreateCounter<long>(Violations, "{violation}", "Parity violations raised.");
        _rebuilds = _meter.CreateCounter<long>(MapRebuilds, "{rebuild}", "Barycenter map rebuilds.");
        _sinkFailures = _meter.CreateCounter<long>(SinkFailures, "{failure}", "Violation sink writes that failed.");
        _drift = _meter.CreateCounter<long>(DriftDetected, "{restart}", "Group estimates restarted because their raw outputs drifted.");
        _resolved = _meter.CreateCounter<long>(ViolationsResolved, "{event}", "Violations resolved: parity restored within tolerance.");
    }

    public void Violation() => _violations.Add(1, in _tags);

    public void Rebuild() => _rebuilds.Add(1, in _tags);

    public void SinkFailure() => _sinkFailures.Add(1, in _tags);

    public void Drift() => _drift.Add(1, in _tags);

    public void Resolved() => _resolved.Add(1, in _tags);

    public void Dispose()
    {
        _disposed = true;
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static TagList With(TagList tags, string key, string value)
    {
        tags.Add(key, value);
        return tags;
    }

    private IEnumerable<Measurement<T>> Observe<T>(T value)
        where T : struct => _disposed ? [] : [new Measurement<T>(value, in _tags)];
}

/// <summary>Totals over all groups for the observable instruments.</summary>
internal readonly record struct GuardTotals(long Predictions, long Corrections, long WarmUp, long Monitor, long NonFinite, long Faults, long Groups, long Changed = 0, long NoHarm = 0, long DriftRestarts = 0)
{
    public GuardCounts ToCounts() => new(Predictions, Corrections, Changed, WarmUp, Monitor, NoHarm, NonFinite, Faults, DriftRestarts);
}
