using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;

namespace FairnessGuard.Tests.Guard;

/// <summary>Issue 11.5 and 11.7: no harm when fair, honest counts, no false violation at start-up, a resolved event.</summary>
public class GuardCountsTests
{
    [Fact]
    public void AnAlreadyFairStreamIsReturnedUntouchedAndCountedAsNoHarmOnceWithinToleranceWithConfidence()
    {
        // 40,000 fair outputs, 12 % in group "a": the two-sample DKW upper bound on the gap at 97.5 % per group is
        // about KS + √(ln 80 / 2 · (1/4,800 + 1/35,200)) ≈ KS + 0.023, below the 0.05 tolerance once KS ≲ 0.025 (the
        // sampling KS of these sizes is ≈ 0.9·√(1/4,800 + 1/35,200) ≈ 0.014). From then on nothing is corrected.
        using var guard = new ParityGuard<string>();
        var random = new Random(5);
        for (var i = 0; i < 40_000; i++)
        {
            var y = random.NextDouble();
            guard.Apply(y, random.NextDouble() < 0.12 ? "a" : "b");
        }

        guard.RebuildNow();
        var before = guard.Counts;
        for (var i = 0; i < 10_000; i++)
        {
            var y = random.NextDouble();
            Assert.Equal(y, guard.Apply(y, random.NextDouble() < 0.12 ? "a" : "b"));
        }

        var c = guard.Counts;
        Assert.Equal(before.Changed, c.Changed);
        Assert.Equal(10_000, c.NoHarmPassThroughs - before.NoHarmPassThroughs);
        Assert.False(guard.IsCorrecting);
        Assert.Equal(c.Predictions, c.Mapped + c.WarmUpPassThroughs + c.MonitorPassThroughs + c.NoHarmPassThroughs + c.NonFinite + c.Faults);
    }

    [Fact]
    public void CountsAddUpAndChangedIsWhatCallersSaw()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        var changed = 0;
        var random = new Random(6);
        for (var i = 0; i < 5_000; i++)
        {
            var g = (i & 1) == 0 ? "a" : "b";
            var y = (g == "b" ? 1.5 : 0) + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            changed += guard.Apply(y, g) != y ? 1 : 0;
        }

        guard.Apply(double.NaN, "a");
        var c = guard.GetReport().Counts;
        Assert.Equal(changed, c.Changed);
        Assert.Equal(5_001, c.Predictions);
        Assert.Equal(1, c.NonFinite);
        Assert.Equal(c.Predictions, c.Mapped + c.WarmUpPassThroughs + c.MonitorPassThroughs + c.NoHarmPassThroughs + c.NonFinite + c.Faults);
        Assert.Equal(c.Predictions - c.Changed, c.Unchanged);
    }

    [Fact]
    public void NoFalseViolationAtStartUp()
    {
        var sink = new InMemoryViolationSink();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.ViolationInterval = TimeSpan.Zero, sinks: [sink]));
        GuardStreams.FeedInterleaved(guard, 5_000, 7);
        guard.RebuildNow();
        Assert.True(guard.IsCorrecting);
        Assert.Empty(sink.Violations);
    }

    [Fact]
    public void AViolationIsMarkedResolvedWhenParityIsRestored()
    {
        var logs = new FakeLogCollector();
        var sink = new InMemoryViolationSink();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.Mode, o.LoggerFactory, o.ViolationInterval, o.HorizonSamples, o.DriftDetection) = (PolicyMode.Monitor, logs.Factory(), TimeSpan.Zero, 1_000, false), sinks: [sink]));
        GuardStreams.FeedInterleaved(guard, 3_000, 8);
        guard.RebuildNow();
        Assert.NotEmpty(sink.Violations);
        Assert.Empty(logs.OfId(1010));

        // Fair traffic: the unfair samples age out of the horizon and the bound falls within tolerance.
        var random = new Random(9);
        for (var i = 0; i < 6_000; i++)
        {
            guard.Apply(random.NextDouble(), "a");
            guard.Apply(random.NextDouble(), "b");
        }

        guard.RebuildNow();
        Assert.Single(logs.OfId(1010));
    }
}
