using FairnessGuard.Correction;
using FairnessGuard.Guard;
using FairnessGuard.Sketches;

namespace FairnessGuard.Tests;

/// <summary>Issue 12 item 2: one finite outlier in one group never leaks into another group's outputs.</summary>
public sealed class RobustEndsTests
{
    [Fact]
    public void OneHugeOutputInGroupADoesNotLeakIntoGroupB()
    {
        using var guard = new ParityGuard<string>(new ParityGuardOptions
        {
            WarmUp = 100,
            RebuildEvery = 64,
            RebuildInterval = null,
            BackgroundRebuild = false,
        });
        var random = new Random(12);
        for (var i = 0; i < 4000; i++)
        {
            guard.Apply(random.NextDouble(), "A");
            guard.Apply(1.3 * random.NextDouble(), "B");
        }

        // The reproduction: one output of 1e6 in A, then B's outputs (inputs in [0, 1.3]) must stay in range.
        guard.Apply(1e6, "A");
        var largest = double.MinValue;
        for (var i = 0; i < 20_000; i++)
        {
            guard.Apply(random.NextDouble(), "A");
            largest = Math.Max(largest, guard.Apply(1.3 * random.NextDouble(), "B"));
        }

        guard.RebuildNow();
        for (var i = 0; i < 20_000; i++)
        {
            largest = Math.Max(largest, guard.Apply(1.3 * random.NextDouble(), "B"));
        }

        // Every target is a weighted mean of the groups' trimmed quantiles, each within its own inputs' range,
        // so B's outputs stay within [0, 1.3] (the tie jitter is 1e-9 relative).
        Assert.True(guard.IsCorrecting);
        Assert.True(largest <= 1.3 + 1e-6, $"B returned {largest}");
    }

    [Fact]
    public void TrimmedEndsDropExactlyTheHeaviestItemsShare()
    {
        var sketch = new QuantileSketch(200, 3);
        for (var i = 1; i <= 99; i++)
        {
            sketch.Update(i / 100.0);
        }

        sketch.Update(1e6);
        sketch.Update(-1e6);
        var distribution = new GroupDistribution(sketch.GetSortedView(), sketch.Min, sketch.Max, sketch.Count);

        // Exact sketch: ε = 1/n, so exactly one value is trimmed at each end.
        Assert.Equal(0.01, distribution.Lo);
        Assert.Equal(0.99, distribution.Hi);
        var knots = new double[64];
        distribution.QuantilesOnGrid(knots);
        Assert.Equal(0.01, knots[0]);
        Assert.Equal(0.99, knots[^1]);
        Assert.All(knots, k => Assert.InRange(k, 0.01, 0.99));
    }

    [Fact]
    public void TinyGroupsAreNotTrimmed()
    {
        var sketch = new QuantileSketch(200, 3);
        sketch.Update(1);
        sketch.Update(2);
        sketch.Update(3);
        var distribution = new GroupDistribution(sketch.GetSortedView(), sketch.Min, sketch.Max, sketch.Count);
        Assert.Equal(1, distribution.Lo);
        Assert.Equal(3, distribution.Hi);
    }
}
