using System.Diagnostics.Metrics;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Telemetry;

/// <summary>
/// The guard's instruments on a Meter named <c>FairnessGuard</c>, in OpenTelemetry naming. Counts are
/// observed from the guard's own counters when a collector asks, so the prediction path pays nothing for
/// them. Every measurement carries the tag <c>fairnessguard.policy</c>.
/// </summary>
internal sealed class GuardMetrics : IDisposable
{
    /// <summary>The meter's name: subscribe to it (e.g. <c>AddMeter("FairnessGuard")</c>).</summary>
    public const string MeterName = "FairnessGuard";

    private readonly Meter _meter;
    private readonly Counter<long> _violations;
    private readonly Counter<long> _rebuilds;
    private readonly Counter<long> _sinkFailures;
    private readonly Counter<long> _drift;
    private readonly Counter<long> _resolved;
    private readonly KeyValuePair<string, object?> _policy;

    public GuardMetrics(string policy, Func<GuardTotals> totals, Func<(double Raw, double Returned, double LowerBound)> gaps)
    {
        _meter = new Meter(MeterName, typeof(GuardMetrics).Assembly.GetName().Version?.ToString());
        _policy = new("fairnessguard.policy", policy);
        var tag = _policy;
        _meter.CreateObservableCounter("fairnessguard.predictions", () => new Measurement<long>(totals().Predictions, tag), "{prediction}", "Outputs seen by the guard.");
        _meter.CreateObservableCounter("fairnessguard.corrections", () => new Measurement<long>(totals().Corrections, tag), "{prediction}", "Outputs produced by the barycenter map.");
        _meter.CreateObservableCounter("fairnessguard.outputs.changed", () => new Measurement<long>(totals().Changed, tag), "{prediction}", "Outputs returned different from the raw output.");
        _meter.CreateObservableCounter(
            "fairnessguard.passthroughs",
            IEnumerable<Measurement<long>> () =>
            {
                var t = totals();
                return
                [
                    new Measurement<long>(t.WarmUp, tag, new("reason", "warm_up")),
                    new Measurement<long>(t.Monitor, tag, new("reason", "monitor")),
                    new Measurement<long>(t.NoHarm, tag, new("reason", "no_harm")),
                    new Measurement<long>(t.NonFinite, tag, new("reason", "non_finite")),
                    new Measurement<long>(t.Faults, tag, new("reason", "fault")),
                ];
            },
            "{prediction}",
            "Outputs returned unchanged, by reason.");
        _meter.CreateObservableGauge(
            "fairnessguard.parity.ks",
            IEnumerable<Measurement<double>> () =>
            {
                var g = gaps();
                return [new Measurement<double>(g.Raw, tag, new("stage", "raw")), new Measurement<double>(g.Returned, tag, new("stage", "returned"))];
            },
            "1",
            "Current KS unfairness (largest gap between two groups) of raw and returned outputs.");
        _meter.CreateObservableGauge("fairnessguard.parity.ks.lower_bound", () => new Measurement<double>(gaps().LowerBound, tag), "1", "Confidence lower bound of the returned outputs' KS unfairness.");
        _meter.CreateObservableUpDownCounter("fairnessguard.groups", () => new Measurement<long>(totals().Groups, tag), "{group}", "Groups tracked.");
        _violations = _meter.CreateCounter<long>("fairnessguard.violations", "{violation}", "Parity violations raised.");
        _rebuilds = _meter.CreateCounter<long>("fairnessguard.map.rebuilds", "{rebuild}", "Barycenter map rebuilds.");
        _sinkFailures = _meter.CreateCounter<long>("fairnessguard.sink.failures", "{failure}", "Violation sink writes that failed.");
        _drift = _meter.CreateCounter<long>("fairnessguard.drift.detected", "{restart}", "Group estimates restarted because their raw outputs drifted.");
        _resolved = _meter.CreateCounter<long>("fairnessguard.violations.resolved", "{event}", "Violations resolved: parity restored within tolerance.");
    }

    public void Violation() => _violations.Add(1, _policy);

    public void Rebuild() => _rebuilds.Add(1, _policy);

    public void SinkFailure() => _sinkFailures.Add(1, _policy);

    public void Drift() => _drift.Add(1, _policy);

    public void Resolved() => _resolved.Add(1, _policy);

    public void Dispose() => _meter.Dispose();
}

/// <summary>Totals over all groups for the observable instruments.</summary>
internal readonly record struct GuardTotals(long Predictions, long Corrections, long WarmUp, long Monitor, long NonFinite, long Faults, long Groups, long Changed = 0, long NoHarm = 0, long DriftRestarts = 0)
{
    public GuardCounts ToCounts() => new(Predictions, Corrections, Changed, WarmUp, Monitor, NoHarm, NonFinite, Faults, DriftRestarts);
}
