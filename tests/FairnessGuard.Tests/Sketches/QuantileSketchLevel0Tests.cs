using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Sorting level 0 in place between views changes no view, rank, merge or compaction, bit for bit.</summary>
public class QuantileSketchLevel0Tests
{
    [Theory]
    [InlineData(8, 3)]
    [InlineData(200, 1)]
    [InlineData(200, 37)]
    public void SortingLevelZeroInPlaceLeavesEveryViewBitIdentical(int k, int sortEvery)
    {
        var random = new Random(11 + k + sortEvery);
        var plain = new QuantileSketch(k, seed: 5);
        var sorted = new QuantileSketch(k, seed: 5);
        for (var i = 1; i <= 5_000; i++)
        {
            // Ties (a coarse grid) and a stretch of fresh values, through many compactions of level 0.
            var y = i % 3 == 0 ? Math.Round(random.NextDouble() * 20) / 20 : random.NextDouble() + 0.5;
            plain.Update(y);
            sorted.Update(y);
            if (i % sortEvery == 0)
            {
                sorted.SortLevel0();
            }

            if (i % 97 == 0 || i < 40)
            {
                AssertSameView(plain.RentSortedView(), sorted.RentSortedView());
                Assert.Equal(plain.GetRank(0.75), sorted.GetRank(0.75));
                Assert.Equal(plain.GetRankExclusive(0.75), sorted.GetRankExclusive(0.75));
            }
        }

        AssertSameView(plain.GetSortedView(), sorted.GetSortedView());
        Assert.Equal(plain.CompactionVariance, sorted.CompactionVariance);

        // A copy read back from its bytes and a merge continue exactly as the unsorted sketch does.
        var restored = QuantileSketch.Deserialize(sorted.Serialize());
        var other = new QuantileSketch(k, seed: 9);
        for (var i = 0; i < 700; i++)
        {
            other.Update(random.NextDouble());
        }

        plain.Merge(other);
        restored.Merge(other);
        sorted.Merge(other);
        AssertSameView(plain.GetSortedView(), restored.GetSortedView());
        AssertSameView(plain.GetSortedView(), sorted.GetSortedView());
    }

    [Fact]
    public void ALevelZeroHoldingAZeroIsNotReordered()
    {
        var sketch = new QuantileSketch(200, seed: 3);
        foreach (var y in new[] { 0.5, -0.0, 0.25, 0.0, 0.75 })
        {
            sketch.Update(y);
        }

        var before = sketch.Serialize();
        sketch.SortLevel0();
        Assert.Equal(before, sketch.Serialize());
    }

    private static void AssertSameView(SortedView expected, SortedView actual)
    {
        Assert.Equal(expected.TotalWeight, actual.TotalWeight);
        Assert.Equal(expected.Values.Length, actual.Values.Length);
        for (var i = 0; i < expected.Values.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Values[i]), BitConverter.DoubleToInt64Bits(actual.Values[i]));
            Assert.Equal(expected.CumulativeWeights[i], actual.CumulativeWeights[i]);
        }
    }
}
