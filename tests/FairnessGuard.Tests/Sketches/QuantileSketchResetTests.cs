using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Sketches;

/// <summary>A sketch emptied in place (a drift restart) is a new sketch in every observable bit, without allocating.</summary>
public class QuantileSketchResetTests
{
    [Theory]
    [InlineData(200, 300_000, 0)]
    [InlineData(200, 300_000, 150)]
    [InlineData(1000, 50_000, 1_000_000)]
    [InlineData(8, 5_000, 70_000)]
    public void ResetSketchBehavesBitForBitLikeANewOne(int k, int before, int after)
    {
        var reused = SketchData.Sketch(SketchData.Normal(before, 3), k, seed: 5);
        var oldStamp = reused.Stamp;
        reused.Reset(42);
        var fresh = new QuantileSketch(k, 42);
        Assert.NotEqual(oldStamp.Instance, reused.Stamp.Instance);
        Assert.Equal(fresh.Serialize(), reused.Serialize());

        // Refilled past the size it had before (after > before: the buffer must grow like a new sketch's would),
        // compared at checkpoints: bytes (levels, items, coin state, variance), views and bounds.
        var data = SketchData.Bimodal(Math.Max(after, 1), 9);
        for (var i = 0; i < after; i++)
        {
            reused.Update(data[i]);
            fresh.Update(data[i]);
            if ((i & (i + 1)) == 0 || i == after - 1)
            {
                Assert.Equal(fresh.Serialize(), reused.Serialize());
                Assert.Equal(fresh.NumLevels, reused.NumLevels);
                Assert.Equal(fresh.GetRankErrorBound(0.99), reused.GetRankErrorBound(0.99));
                Assert.Equal(fresh.GetSortedView().Values.ToArray(), reused.GetSortedView().Values.ToArray());
                Assert.Equal(fresh.GetSortedView().CumulativeWeights.ToArray(), reused.GetSortedView().CumulativeWeights.ToArray());
            }
        }

        // Merges either way round, and clones, continue identically too.
        var other = SketchData.Sketch(SketchData.Cauchy(20_000, 4), k, seed: 6);
        var mergedIntoFresh = fresh.Clone();
        var mergedIntoReused = reused.Clone();
        mergedIntoFresh.Merge(other);
        mergedIntoReused.Merge(other);
        Assert.Equal(mergedIntoFresh.Serialize(), mergedIntoReused.Serialize());
        var otherFresh = other.Clone();
        var otherReused = other.Clone();
        otherFresh.Merge(fresh);
        otherReused.Merge(reused);
        Assert.Equal(otherFresh.Serialize(), otherReused.Serialize());
        foreach (var x in data.AsSpan(0, Math.Min(after, 2_000)))
        {
            reused.Update(x);
            fresh.Update(x);
        }

        Assert.Equal(fresh.Serialize(), reused.Serialize());
    }

    [Fact]
    public void RefillingAResetSketchToItsFormerSizeAllocatesNothing()
    {
        // Compactions depend only on the sequence of sizes, so the same number of updates reaches the same level
        // count: every level the refill adds fits in the buffer the sketch kept.
        var data = SketchData.Normal(1_000_000, 11);
        var sketch = new QuantileSketch(1000, 1);
        foreach (var x in data)
        {
            sketch.Update(x);
        }

        var levels = sketch.NumLevels;
        var bytes = sketch.EstimatedBytes;
        long Refill(ulong seed)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            sketch.Reset(seed);
            foreach (var x in data)
            {
                sketch.Update(x);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // The first round may include the runtime's one-off work on this thread (tiering up the loop).
        var rounds = new[] { Refill(2), Refill(3), Refill(4) };
        Assert.Equal(0, rounds.Min());
        Assert.Equal(levels, sketch.NumLevels);
        Assert.Equal(bytes, sketch.EstimatedBytes);
    }
}
