using FairnessGuard.Sketches;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Merging sketches of disjoint parts against the exact ranks of the union.</summary>
public class QuantileSketchMergeTests(ITestOutputHelper output)
{
    [Fact]
    public void BothMergeOrdersOfThreePartsStayWithinTheBoundOfTheUnion()
    {
        var data = SketchData.Bimodal(900_000, 21);
        var a = SketchData.Sketch(data.AsSpan(0, 200_000), seed: 1);
        var b = SketchData.Sketch(data.AsSpan(200_000, 300_000), seed: 2);
        var c = SketchData.Sketch(data.AsSpan(500_000), seed: 3);

        var left = a.Clone();
        var bc = b.Clone();
        bc.Merge(c);
        left.Merge(bc);

        var right = a.Clone();
        right.Merge(b);
        right.Merge(c);

        var sorted = SketchData.Sorted(data);
        var grid = SketchData.RankGrid(sorted, SketchData.GridSize);
        foreach (var merged in new[] { left, right })
        {
            var error = SketchData.MaxRankError(merged, sorted, grid, inclusive: true);
            var bound = SketchData.SimultaneousBound(merged, SketchData.GridSize);
            output.WriteLine($"merged: max |rank error| {error:F5}, simultaneous bound {bound:F5}, single {merged.GetRankErrorBound(0.99):F5}, ε {merged.NormalizedRankError:F5}");

            Assert.Equal(data.LongLength, merged.Count);
            Assert.Equal(sorted[0], merged.Min);
            Assert.Equal(sorted[^1], merged.Max);
            Assert.InRange(error, 0, bound);
            Assert.InRange(merged.GetRankErrorBound(0.99), 0, merged.NormalizedRankError);
            Assert.InRange(merged.RetainedItems, 1, a.RetainedItems + b.RetainedItems);
        }
    }

    [Fact]
    public void EightReplicasMergedAsATreeStayWithinTheBound()
    {
        var data = SketchData.Cauchy(SketchData.Million, 22);
        var parts = new QuantileSketch[8];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = SketchData.Sketch(data.AsSpan(i * 125_000, 125_000), seed: (ulong)(100 + i));
        }

        for (var width = 1; width < parts.Length; width *= 2)
        {
            for (var i = 0; i + width < parts.Length; i += 2 * width)
            {
                parts[i].Merge(parts[i + width]);
            }
        }

        var merged = parts[0];
        var sorted = SketchData.Sorted(data);
        var error = SketchData.MaxRankError(merged, sorted, SketchData.RankGrid(sorted, SketchData.GridSize), inclusive: true);
        var bound = SketchData.SimultaneousBound(merged, SketchData.GridSize);
        output.WriteLine($"8-way tree: max |rank error| {error:F5}, simultaneous bound {bound:F5}, single {merged.GetRankErrorBound(0.99):F5}");

        Assert.Equal(SketchData.Million, merged.Count);
        Assert.InRange(error, 0, bound);
        Assert.InRange(merged.GetRankErrorBound(0.99), 0, merged.NormalizedRankError);
        Assert.InRange(merged.EstimatedBytes, 1, 32_768);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(2000)]
    public void MergingAnotherKKeepsThisKAndTheBoundOfTheSmallerK(int otherK)
    {
        var data = SketchData.Bimodal(300_000, 26);
        var other = SketchData.Sketch(data.AsSpan(0, 150_000), k: otherK, seed: 6);
        var merged = SketchData.Sketch(data.AsSpan(150_000), k: 200, seed: 7);

        merged.Merge(other);

        var sorted = SketchData.Sorted(data);
        var error = SketchData.MaxRankError(merged, sorted, SketchData.RankGrid(sorted, SketchData.GridSize), inclusive: true);
        Assert.Equal(200, merged.K);
        Assert.Equal(data.LongLength, merged.Count);
        Assert.Equal(new QuantileSketch(Math.Min(200, otherK)).NormalizedRankError, merged.NormalizedRankError);
        Assert.InRange(merged.RetainedItems, 1, KllCapacity.TotalCapacity(200, merged.NumLevels));
        Assert.InRange(error, 0, SketchData.SimultaneousBound(merged, SketchData.GridSize));
        Assert.Equal(merged.Serialize(), QuantileSketch.Deserialize(merged.Serialize()).Serialize());
    }

    [Fact]
    public void SmallSketchesMergeExactlyWhileTheUnionFitsInK()
    {
        var a = SketchData.Sketch([5, 1, 3]);
        var b = SketchData.Sketch([2, 2, 9]);

        a.Merge(b);

        Assert.True(a.IsExact);
        Assert.Equal(6, a.Count);
        Assert.Equal([1.0, 2, 3, 5, 9], a.GetSortedView().Values.ToArray());
        Assert.Equal(3 / 6.0, a.GetRank(2));
        Assert.Equal(1 / 6.0, a.GetRankExclusive(2));
        Assert.Equal(1, a.Min);
        Assert.Equal(9, a.Max);
    }

    [Fact]
    public void MergingIntoAnEmptySketchTakesTheOthersMinAndMax()
    {
        var empty = new QuantileSketch();
        empty.Merge(SketchData.Sketch(SketchData.Normal(10_000, 24)));

        Assert.Equal(10_000, empty.Count);
        Assert.False(double.IsNaN(empty.Min) || double.IsNaN(empty.Max));
        Assert.False(empty.IsExact);
    }

    [Fact]
    public void MergingAnEmptySketchChangesNothing()
    {
        var sketch = SketchData.Sketch(SketchData.Normal(50_000, 25));
        var before = sketch.Serialize();

        sketch.Merge(new QuantileSketch(64));

        Assert.Equal(before, sketch.Serialize());
    }

    [Fact]
    public void SelfMergeIsRefusedAndNullIsRejected()
    {
        var sketch = SketchData.Sketch([1, 2, 3]);

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => sketch.Merge(sketch)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => sketch.Merge(null!)).ParamName);
        Assert.Equal(3, sketch.Count);
    }
}
