using FairnessGuard.Guard;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>Issue 11.1: the schedule follows sample counts, and its outcome does not depend on thread timing.</summary>
public class GuardScheduleTests(ITestOutputHelper output)
{
    [Fact]
    public void CorrectionStartsAsSoonAsTheEvidenceIsThereNotWhenABufferDrains()
    {
        // Default options: once the groups together hold WarmUp (200) samples both join the barycenter through
        // shrinkage; with a gap of 2 standard deviations the raw gap is confirmed within a few dozen samples.
        using var guard = new ParityGuard<string>();
        var random = new Random(1);
        var firstChanged = -1;
        for (var i = 0; i < 1000 && firstChanged < 0; i++)
        {
            var b = i % 4 == 0;
            var y = (b ? 2 : 0) + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            if (guard.Apply(y, b ? "b" : "a") != y)
            {
                firstChanged = i;
            }
        }

        // The groups hold 200 samples together after call 199 (a single warm group would take until call ≈ 267).
        Assert.InRange(firstChanged, 199, 240);
        Assert.True(guard.IsCorrecting);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(9)]
    public void TheFirstMapComesWhenTheGroupsTogetherHoldWarmUpSamples(int groups)
    {
        // Interleaved groups of equal size, none of them warm on its own: the drain that brings the pooled count to WarmUp
        // builds the first map, so exactly WarmUp outputs pass through as warm-up (a group's own growth trigger came up to
        // 64 calls later: 248 with 4 groups, found by the scout streams).
        using var guard = new ParityGuard<int>(new ParityGuardOptions { BackgroundRebuild = false, NoHarmWhenFair = false });
        var random = new Random(7);
        for (var i = 0; i < 2 * guard.Options.WarmUp; i++)
        {
            guard.Apply((i % groups) + random.NextDouble(), i % groups);
        }

        Assert.Equal(guard.Options.WarmUp, guard.Counts.WarmUpPassThroughs);
        Assert.True(guard.IsCorrecting);
    }

    [Fact]
    public void AReplayPastTheInlineLimitIsCorrectedWhateverTheThreadTiming()
    {
        // 200 groups × 512 knots puts every build past the inline work limit, so builds go to the thread pool, and a
        // tight replay outran them all: 0 outputs changed (the scout streams' 349 cells: 0 against 1,021 inline). Now a
        // build the calls ask for once the evidence has doubled since the map in use runs on the calling thread (after
        // any build in flight), so maps come at least at every doubling of the count whatever the timing. Half the
        // groups sit 0.5 higher (uniform outputs): a gap the no-harm rule sees through 200 groups of 30.
        var random = new Random(9);
        var groups = Enumerable.Range(0, 6_000).Select(i => i % 200).ToArray();
        var y = groups.Select(g => (g % 2 == 0 ? 0.5 : 0) + random.NextDouble()).ToArray();
        (long Changed, long Version) Replay(bool background)
        {
            using var guard = new ParityGuard<int>(new ParityGuardOptions { BackgroundRebuild = background });
            for (var i = 0; i < y.Length; i++)
            {
                guard.Apply(y[i], groups[i]);
            }

            return (guard.Counts.Changed, guard.MapVersion);
        }

        var inline = Replay(background: false);
        for (var replay = 0; replay < 4; replay++)
        {
            var (changed, version) = Replay(background: true);
            output.WriteLine($"inline: {inline.Changed} changed, map {inline.Version}; background: {changed} changed, map {version}");
            Assert.True(inline.Changed > 0 && changed > 0, "a replay with background builds corrects nothing");
        }
    }

    [Fact]
    public void ReplayWithBackgroundRebuildReturnsExactlyTheSameOutputs()
    {
        var stream = GuardGoalStreams.HmdaShort();
        double[] Run(bool background)
        {
            using var guard = new ParityGuard<string>(new ParityGuardOptions { BackgroundRebuild = background });
            return [.. stream.Outputs.Select((y, i) => guard.Apply(y, stream.Groups[i]))];
        }

        var inline = Run(background: false);
        Assert.Contains(inline.Select((y, i) => y != stream.Outputs[i]), changed => changed);
        for (var replay = 0; replay < 4; replay++)
        {
            Assert.Equal(inline, Run(background: true));
        }
    }

    public static TheoryData<string> GoalStreamNames() => [.. AllStreams().Select(s => s.Name)];

    private static IEnumerable<GoalStream> AllStreams() => GuardGoalStreams.All().Concat(GuardHoldOutStreams.All());

    [Theory]
    [MemberData(nameof(GoalStreamNames))]
    public void EveryGoalStreamReplaysIdenticallyWithBackgroundRebuild(string name)
    {
        // Short streams with a small minority, 32 and ≈ 88 unequal groups, a mid-stream shift, a gradual drift,
        // outliers, an already fair stream: default options with background rebuild on return what the inline
        // schedule returns, bit for bit.
        var stream = AllStreams().Single(s => s.Name == name);
        double[] Run(bool background)
        {
            using var guard = new ParityGuard<string>(new ParityGuardOptions { BackgroundRebuild = background });
            return [.. stream.Outputs.Select((y, i) => guard.Apply(y, stream.Groups[i]))];
        }

        var inline = Run(background: false);
        for (var replay = 0; replay < 3; replay++)
        {
            Assert.Equal(inline, Run(background: true));
        }
    }

    [Fact]
    public void GrowthTriggersAreGeometricAndStopAtTheLimit()
    {
        using var guard = new ParityGuard<string>(new ParityGuardOptions { BackgroundRebuild = false, RebuildEvery = int.MaxValue, RebuildInterval = null, NoHarmWhenFair = false });
        var random = new Random(2);
        for (var i = 0; i < 200_000; i++)
        {
            guard.Apply(random.NextDouble() + (i & 1), (i & 1) == 0 ? "a" : "b");
        }

        // Per group: one build per 25 % of growth from 200 to 65,536 samples (≈ 26), ×2 groups, plus the
        // builds below warm-up; nothing after 65,536 samples per group.
        Assert.InRange(guard.MapVersion, 40, 90);
    }
}
