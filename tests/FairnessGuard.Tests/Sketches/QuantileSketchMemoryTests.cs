using FairnessGuard.Sketches;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Bounded memory, and no allocation per update outside the O(log n) level additions.</summary>
public class QuantileSketchMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void MemoryIsBoundedAndGrowsOnlyByOneMinimumLevelPerLevelAdded()
    {
        var sketch = new QuantileSketch(QuantileSketch.DefaultK, seed: 51);
        var random = new Random(52);
        Feed(sketch, random, 1_000_000);
        var (bytesAtMillion, levelsAtMillion) = (sketch.EstimatedBytes, sketch.NumLevels);
        Feed(sketch, random, 9_000_000);

        output.WriteLine($"10^6: {bytesAtMillion} B, {levelsAtMillion} levels; 10^7: {sketch.EstimatedBytes} B, {sketch.NumLevels} levels, {sketch.RetainedItems} items");

        // A new level adds one bottom level of the minimum width (8 doubles) to the buffer; nothing else grows.
        var perLevel = 8 * KllCapacity.MinLevelWidth;
        Assert.InRange(sketch.EstimatedBytes, bytesAtMillion, bytesAtMillion + ((sketch.NumLevels - levelsAtMillion) * perLevel));
        Assert.InRange(sketch.EstimatedBytes, 1, 32_768);
        Assert.InRange(sketch.NumLevels - levelsAtMillion, 1, 5);
    }

    [Fact]
    public void EstimatedBytesCoversTheBufferAndTheCachedView()
    {
        var sketch = SketchData.Sketch(SketchData.Normal(100_000, 53));
        var withoutView = sketch.EstimatedBytes;

        Assert.True(withoutView > 8L * KllCapacity.TotalCapacity(sketch.K, sketch.NumLevels));
        sketch.GetSortedView();
        Assert.True(sketch.EstimatedBytes >= withoutView + (16L * sketch.GetSortedView().Values.Length));
    }

    [Fact]
    public void UpdateAllocatesNothingOnceTheLevelsAreInPlace()
    {
        var sketch = new QuantileSketch(QuantileSketch.DefaultK, seed: 54);
        var values = SketchData.Normal(100_000, 55);
        var random = new Random(56);
        Feed(sketch, random, 1_500_000);
        var levels = sketch.NumLevels;

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var x in values)
        {
            sketch.Update(x);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 1.5e6 -> 1.6e6 stays below the next level (levels are added as n doubles), so no growth is due.
        Assert.Equal(levels, sketch.NumLevels);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void UpdateAllocatesOnlyTheBufferGrowthsFromEmpty()
    {
        var values = SketchData.Normal(1_000_000, 57);
        var warm = new QuantileSketch(QuantileSketch.DefaultK, seed: 58);
        foreach (var x in values)
        {
            warm.Update(x);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sketch = new QuantileSketch(QuantileSketch.DefaultK, seed: 58);
        foreach (var x in values)
        {
            sketch.Update(x);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The sketch object, its level index and one buffer per level count: O(k log n) bytes in all.
        var budget = HeapSize.Object(76) + HeapSize.Array(KllCapacity.MaxLevels + 1, sizeof(int));
        for (var levels = 1; levels <= sketch.NumLevels; levels++)
        {
            budget += HeapSize.Array(KllCapacity.TotalCapacity(sketch.K, levels), sizeof(double));
        }

        // The runtime counts a thread's allocations in allocation-context units (8 KB), so one unit of slack:
        // the growth of a sketch that kept its items would be ≥ 8 MB here.
        budget += 8 * 1024;
        output.WriteLine($"allocated {allocated} B over 10^6 updates; budget {budget} B");
        Assert.InRange(allocated, 1, budget);
    }

    private static void Feed(QuantileSketch sketch, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            sketch.Update(random.NextDouble());
        }
    }
}
