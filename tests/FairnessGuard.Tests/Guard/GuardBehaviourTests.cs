using FairnessGuard.Distributions;
using FairnessGuard.Guard;
using FairnessGuard.Metrics;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;

namespace FairnessGuard.Tests.Guard;

public class GuardBehaviourTests
{
    [Fact]
    public void WarmUpPassesThroughUntilTwoGroupsHaveEnoughSamplesAndSaysSo()
    {
        var logs = new FakeLogCollector();
        // Without shrinkage (ParityGuardOptions.Shrinkage = false) two groups must be warm; with it see GuardScheduleTests.
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.LoggerFactory, o.Shrinkage) = (logs.Factory(), false)));
        GuardStreams.Feed(guard, "a", 300, 0, 1);
        GuardStreams.Feed(guard, "b", 50, 2, 2);
        guard.RebuildNow();

        Assert.False(guard.IsCorrecting);
        Assert.Equal(7.5, guard.Apply(7.5, "a"));
        Assert.Equal(7.5, guard.Apply(7.5, "b"));
        var warming = Assert.Single(logs.OfId(1000), e => e.Message.Contains("'b'", StringComparison.Ordinal));
        Assert.Contains("of 100", warming.Message, StringComparison.Ordinal);

        GuardStreams.Feed(guard, "b", 100, 2, 3);
        guard.RebuildNow();
        Assert.True(guard.IsCorrecting);
        Assert.Single(logs.OfId(1001));
        Assert.NotEqual(2.0, guard.Apply(2.0, "b"));

        var report = guard.GetReport();
        var b = report.Groups.Single(g => g.Group == "b");
        // The schedule counts samples: b joins at its 100th sample, not at the next buffer drain or RebuildNow.
        Assert.InRange(b.WarmUpPassThroughs, 100, 101);
        Assert.True(b.InPlay);
    }

    [Fact]
    public void CorrectedOutputsOfTwoGroupsMeetAtTheBarycenter()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        GuardStreams.Feed(guard, "a", 20_000, 0, 1);
        GuardStreams.Feed(guard, "b", 20_000, 2, 2);
        guard.RebuildNow();

        // Equal shares: the barycenter of N(0,1) and N(2,1) is N(1,1), so each median maps to ≈ 1.
        Assert.Equal(1.0, guard.Apply(0.0, "a"), 1);
        Assert.Equal(1.0, guard.Apply(2.0, "b"), 1);
        var a = new List<double>();
        var b = new List<double>();
        GuardStreams.Feed(guard, "a", 5000, 0, 11, a);
        GuardStreams.Feed(guard, "b", 5000, 2, 12, b);
        var ks = Distance.KolmogorovSmirnov([.. a.Order()], [.. b.Order()]);

        // DKW bands of the two test samples (δ = 10⁻³ over 2), sketch rank error (a priori, k = 1000, both
        // groups), and the knot resolution 1/(K−1) per group.
        var bound = (2 * DkwBound.Epsilon(5000, 5e-4)) + (2 * 3.26 / 1000) + (2.0 / 511);
        Assert.True(ks <= bound, $"KS {ks:0.0000} > {bound:0.0000}");
    }

    [Fact]
    public void NewGroupJoinsAtRunTimeAndIsCorrectedOnceWarm()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        GuardStreams.Feed(guard, "a", 2000, 0, 1);
        GuardStreams.Feed(guard, "b", 2000, 2, 2);
        guard.RebuildNow();
        Assert.Equal(4.0, guard.Apply(4.0, "c"));

        GuardStreams.Feed(guard, "c", 2000, 4, 3);
        guard.RebuildNow();
        var report = guard.GetReport();
        Assert.Equal(3, report.GroupsInPlay);

        // Three equal groups N(0,1), N(2,1), N(4,1): c's median maps to the barycenter's median ≈ 2.
        Assert.Equal(2.0, guard.Apply(4.0, "c"), 0);
    }

    [Fact]
    public void StrengthBlendsRawAndCorrected()
    {
        double Corrected(double strength)
        {
            using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.Strength, o.TieJitter) = (strength, 0)));
            GuardStreams.Feed(guard, "a", 2000, 0, 1);
            GuardStreams.Feed(guard, "b", 2000, 2, 2);
            guard.RebuildNow();
            return guard.Apply(0.3, "a");
        }

        Assert.Equal(0.3, Corrected(0));
        Assert.Equal((0.3 + Corrected(1)) / 2, Corrected(0.5), 12);
    }

    [Fact]
    public void MonitorModeReturnsRawOutputsAndCountsThem()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.Mode = PolicyMode.Monitor));
        var returned = new List<double>();
        GuardStreams.Feed(guard, "a", 1000, 0, 1, returned);
        var raw = new List<double>();
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            raw.Add(MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
        }

        GuardStreams.Feed(guard, "b", 1000, 3, 2);
        guard.RebuildNow();
        Assert.Equal(raw, returned);
        Assert.False(guard.IsCorrecting);
        var report = guard.GetReport();
        Assert.Equal(2000, report.Groups.Sum(g => g.MonitorPassThroughs));
        Assert.Equal(0, report.Groups.Sum(g => g.Corrections));
        Assert.True(report.ReturnedKs > 0.5);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteOutputsAreReturnedUnchangedCountedAndNotMeasured(double output)
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        GuardStreams.Feed(guard, "a", 500, 0, 1);
        GuardStreams.Feed(guard, "b", 500, 2, 2);
        guard.RebuildNow();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(output, guard.Apply(output, "a"));
        }

        var a = guard.GetReport().Groups.Single(g => g.Group == "a");
        Assert.Equal(10, a.NonFinite);
        Assert.Equal(510, a.Predictions);
        Assert.Equal(500, a.Samples);
    }

    [Fact]
    public void NullGroupIsTrackedAsTheUnknownGroup()
    {
        var logs = new FakeLogCollector();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.UnknownGroupLabel, o.LoggerFactory) = ("n/a", logs.Factory())));
        GuardStreams.Feed(guard, "a", 200, 0, 1);
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            guard.Apply(random.NextDouble(), null);
        }

        var unknown = guard.GetReport().Groups.Single(g => g.Group == "n/a");
        Assert.Equal(200, unknown.Samples);
        Assert.Single(logs.OfId(1009));
    }

    [Fact]
    public void GroupCapSendsFurtherKeysToTheOverflowGroupAndWarnsOnce()
    {
        var logs = new FakeLogCollector();
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => (o.MaxGroups, o.LoggerFactory) = (4, logs.Factory())));
        for (var i = 0; i < 10_000; i++)
        {
            guard.Apply(i % 7, $"made-up-{i}");
        }

        var report = guard.GetReport();
        Assert.Equal(5, report.Groups.Count);
        Assert.Equal(9996, report.Groups.Single(g => g.Group == "(overflow)").Predictions);
        Assert.Single(logs.OfId(1002));
        Assert.Equal(5, guard.GroupCount);
    }

    [Fact]
    public void DecideThresholdsTheCorrectedScore()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.TieJitter = 0));
        GuardStreams.Feed(guard, "a", 2000, 0, 1);
        GuardStreams.Feed(guard, "b", 2000, 2, 2);
        guard.RebuildNow();
        var corrected = guard.Apply(1.5, "b");
        Assert.Equal(corrected >= 0.9, guard.Decide(1.5, "b", 0.9));
        Assert.True(ParityGuard.Decide(0.5, 0.5));
        Assert.False(ParityGuard.Decide(0.49, 0.5));
    }

    [Fact]
    public void BatchApplyRejectsMismatchedSpansBeforeWriting()
    {
        using var guard = new ParityGuard<string>();
        var destination = new[] { -1.0 };
        Assert.Throws<ArgumentException>(() => guard.Apply([1.0, 2.0], ["a", "b"], destination));
        Assert.Equal(-1.0, destination[0]);
    }
}
