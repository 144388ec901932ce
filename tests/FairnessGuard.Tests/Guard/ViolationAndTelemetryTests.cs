using System.Diagnostics.Metrics;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FairnessGuard.Tests.Guard;

public class ViolationAndTelemetryTests
{
    [Fact]
    public void SmallSamplesNeverRaiseAViolationEvenWithALargePointGap()
    {
        var sink = new InMemoryViolationSink();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.Mode, o.WarmUp) = (PolicyMode.Monitor, 1), sinks: [sink]));

        // 5 samples per group from disjoint ranges: KS = 1, yet the DKW bands at n = 5 leave no certainty
        // above a tolerance of 0.05 (ε(5, 0.025) ≈ 0.66 each).
        for (var i = 0; i < 5; i++)
        {
            guard.Apply(i, "a");
            guard.Apply(100 + i, "b");
        }

        guard.RebuildNow();
        Assert.Equal(1, guard.LastReport.ReturnedKs, 6);
        Assert.Equal(0, guard.LastReport.ReturnedKsLowerBound);
        Assert.Empty(sink.Violations);
    }

    [Fact]
    public void ViolationCarriesTheEvidenceAndIsRateLimitedPerPolicy()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var logs = new FakeLogCollector();
        var sink = new InMemoryViolationSink();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o =>
        {
            (o.Mode, o.TimeProvider, o.LoggerFactory, o.MethodName) = (PolicyMode.Monitor, clock, logs.Factory(), "LoanModel.Score");
            o.RebuildEvery = int.MaxValue;
            o.ViolationInterval = TimeSpan.FromMinutes(10);
            o.Sinks.Add(sink);
        }));
        GuardStreams.Feed(guard, "a", 2000, 0, 1);
        GuardStreams.Feed(guard, "b", 2000, 1, 2);
        guard.RebuildNow();
        guard.RebuildNow();
        var v = Assert.Single(sink.Violations);
        Assert.Equal(("a", "b"), (v.FirstGroup, v.SecondGroup));
        Assert.Equal(("demographic-parity", "LoanModel.Score", PolicyMode.Monitor), (v.PolicyName, v.MethodName, v.Mode));
        Assert.True(v.LowerBound > v.Tolerance && v.Gap > v.LowerBound, $"gap {v.Gap}, bound {v.LowerBound}");
        Assert.Equal((2000L, 2000L), (v.FirstCount, v.SecondCount));

        // In monitor mode the returned outputs are the raw ones: the two gaps differ only by the rank error of
        // the sketches they come from (k = 200 and k = 1000, two groups each, a priori 99 % bounds).
        Assert.True(Math.Abs(v.Gap - v.RawGap) <= (2 * 3.26 / 200) + (2 * 3.26 / 1000), $"gap {v.Gap} vs raw {v.RawGap}");
        Assert.Single(logs.OfId(1003));

        clock.Advance(TimeSpan.FromMinutes(11));
        guard.RebuildNow();
        Assert.Equal(2, sink.Violations.Count);
    }

    [Fact]
    public void EnforcedGuardRaisesNoViolationOnceCorrecting()
    {
        var sink = new InMemoryViolationSink();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.ViolationInterval = TimeSpan.Zero, sinks: [sink]));
        GuardStreams.Feed(guard, "a", 500, 0, 1);
        GuardStreams.Feed(guard, "b", 500, 1, 2);
        guard.RebuildNow();
        // Outputs returned before any map existed are not judged (issue 11.7): no violation at start-up.
        Assert.Empty(sink.Violations);

        // Interleaved traffic with a drift horizon: once the warm-up outputs have aged out, the returned
        // distributions agree and no further violation is raised.
        using var fresh = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.ViolationInterval, o.HorizonSamples) = (TimeSpan.Zero, 2000), sinks: [sink]));
        GuardStreams.FeedInterleaved(fresh, 6000, 3);
        var mark = sink.Violations.Count;
        GuardStreams.FeedInterleaved(fresh, 6000, 4);
        fresh.RebuildNow();
        Assert.True(fresh.LastReport.ReturnedKsLowerBound <= 0.05, $"bound {fresh.LastReport.ReturnedKsLowerBound}");
        Assert.Equal(mark, sink.Violations.Count);
    }

    [Fact]
    public void FailingSinksNeverBreakPredictionsAndAreCountedAndLogged()
    {
        var logs = new FakeLogCollector();
        var good = new InMemoryViolationSink();
        var throwing = new FailingSink(asynchronously: false);
        var faulting = new FailingSink(asynchronously: true);
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.Mode, o.LoggerFactory, o.PolicyName) = (PolicyMode.Monitor, logs.Factory(), "failing-sinks"), sinks: [throwing, faulting, good]));
        using var listener = MetricCapture.Start();
        GuardStreams.Feed(guard, "a", 1000, 0, 1);
        GuardStreams.Feed(guard, "b", 1000, 2, 2);
        guard.RebuildNow();

        Assert.Single(good.Violations);
        Assert.Equal((1, 1), (throwing.Calls, faulting.Calls));
        Assert.Equal(0, guard.FaultCount);
        SpinWait.SpinUntil(() => logs.OfId(1004).Count == 2, TimeSpan.FromSeconds(5));
        Assert.Equal(2, logs.OfId(1004).Count);
        Assert.Equal(2, listener.Sum("fairnessguard.sink.failures", "failing-sinks"));
        Assert.Equal(1, listener.Sum("fairnessguard.violations", "failing-sinks"));
    }

    [Fact]
    public void MeterPublishesCountsAndGaps()
    {
        using var listener = MetricCapture.Start();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.PolicyName = "meter-test"));
        GuardStreams.Feed(guard, "a", 1000, 0, 1);
        GuardStreams.Feed(guard, "b", 1000, 2, 2);
        GuardStreams.Feed(guard, "a", 100, 0, 3);
        guard.Apply(double.NaN, "a");
        guard.RebuildNow();
        listener.Collect();

        Assert.Equal(2101, listener.Last("fairnessguard.predictions", "meter-test"));
        Assert.True(listener.Last("fairnessguard.outputs.changed", "meter-test") > 0);
        Assert.Equal(1, listener.Last("fairnessguard.passthroughs", "meter-test", ("reason", "non_finite")));
        Assert.True(listener.Last("fairnessguard.corrections", "meter-test") > 0);
        Assert.True(listener.Last("fairnessguard.parity.ks", "meter-test", ("stage", "raw")) > 0.5);
        Assert.Equal(2, listener.Last("fairnessguard.groups", "meter-test"));
        Assert.True(listener.Sum("fairnessguard.map.rebuilds", "meter-test") >= 1);
    }
}

/// <summary>Listens to the FairnessGuard meter and keeps every measurement.</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    private MetricCapture()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "FairnessGuard")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        _listener.Start();
    }

    public static MetricCapture Start() => new();

    public void Collect() => _listener.RecordObservableInstruments();

    // The listener sees every guard of the test process: measurements are told apart by their policy tag.
    public double Sum(string name, string policy) =>
        _measurements.Where(m => m.Name == name && m.Tags.Any(t => t.Key == "fairnessguard.policy" && (string?)t.Value == policy)).Sum(m => m.Value);

    public double Last(string name, string policy, params (string Key, string Value)[] tags) =>
        _measurements.Last(m => m.Name == name
            && m.Tags.Any(t => t.Key == "fairnessguard.policy" && (string?)t.Value == policy)
            && tags.All(x => m.Tags.Any(t => t.Key == x.Key && (string?)t.Value == x.Value))).Value;

    public void Dispose() => _listener.Dispose();
}
