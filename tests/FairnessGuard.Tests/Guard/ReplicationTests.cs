using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

public class ReplicationTests
{
    private static long Samples(ParityGuard<string> guard) => guard.GetReport().Groups.Sum(g => g.Samples);

    [Fact]
    public void TakeDeltasHandsOutEachSampleOnceAndKeepsItVisible()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        GuardStreams.Feed(guard, "a", 3000, 0, 1);
        GuardStreams.Feed(guard, "b", 1000, 1, 2);

        var first = guard.TakeDeltas(42);
        Assert.Equal(4000, first.Sum(d => d.Samples));
        Assert.Equal(4000, first.Sum(d => d.Raw.Count));
        Assert.Empty(guard.TakeDeltas(42));
        Assert.Equal(4000, Samples(guard));

        GuardStreams.Feed(guard, "a", 500, 0, 3);
        var second = Assert.Single(guard.TakeDeltas(42));
        Assert.Equal(("a", 500L), (second.Label, second.Samples));
        Assert.Equal(4500, Samples(guard));
    }

    [Fact]
    public void ASnapshotAfterATakeHoldsOnlyTheSamplesNotHandedOut()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        GuardStreams.Feed(guard, "a", 2000, 0, 1);
        guard.TakeDeltas(1);
        GuardStreams.Feed(guard, "a", 700, 0, 2);

        using var restored = ParityGuard<string>.FromSnapshot(guard.CreateSnapshot(), GuardStreams.Deterministic());
        Assert.Equal(700, Samples(restored));
        Assert.Equal(700, Assert.Single(restored.TakeDeltas(1)).Samples);
    }

    [Fact]
    public void SharedStateOfAnotherReplicaJoinsTheBarycenter()
    {
        using var onlyA = new ParityGuard<string>(GuardStreams.Deterministic());
        using var onlyB = new ParityGuard<string>(GuardStreams.Deterministic(o => o.Seed = 2));
        GuardStreams.Feed(onlyA, "a", 2000, 0, 1);
        GuardStreams.Feed(onlyB, "b", 3000, 2, 2);
        Assert.False(onlyA.IsCorrecting);

        onlyA.SetSharedState(onlyB.TakeDeltas(7));
        onlyA.RebuildNow();
        Assert.True(onlyA.IsCorrecting);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 2000, ["b"] = 3000 }, onlyA.GetReport().Groups.ToDictionary(g => g.Group, g => g.Samples));

        // Installing an empty shared state takes b's samples away again.
        onlyA.SetSharedState([]);
        Assert.Equal(2000, Samples(onlyA));
    }

    [Fact]
    public void ReplicationRefusesADriftHorizon()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.HorizonSamples = 1000));
        Assert.Throws<InvalidOperationException>(() => guard.TakeDeltas(1));
    }
}
