using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Argument validation, rank conventions, the sorted view, cloning and determinism.</summary>
public class QuantileSketchApiTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(65_536)]
    public void KOutsideTheRangeIsRejectedNamingK(int k)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(k));
        Assert.Equal("k", thrown.ParamName);
    }

    [Fact]
    public void KAtTheLimitsIsAccepted()
    {
        Assert.Equal(8, new QuantileSketch(8).K);
        Assert.Equal(65_535, new QuantileSketch(65_535).K);
        Assert.Equal(QuantileSketch.DefaultK, new QuantileSketch().K);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteUpdatesAreRejectedAndLeaveTheSketchUnchanged(double value)
    {
        var sketch = new QuantileSketch();
        sketch.Update(1);

        // Refused and counted, never thrown into the caller (issue 12 item 1).
        Assert.False(sketch.Update(value));
        Assert.Equal(1, sketch.RejectedNonFinite);
        Assert.Equal(1, sketch.Count);
        Assert.Equal(1, sketch.Max);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(1.001)]
    [InlineData(double.NaN)]
    public void RanksOutsideTheUnitIntervalAreRejectedNamingRank(double rank)
    {
        var sketch = SketchData.Sketch([1, 2]);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetQuantile(rank)).ParamName);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetSortedView().GetQuantile(rank)).ParamName);
    }

    [Fact]
    public void NaNQueriesAndBadConfidencesAreRejected()
    {
        var sketch = SketchData.Sketch([1, 2]);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetRank(double.NaN)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetRankExclusive(double.NaN)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetSortedView().GetRank(double.NaN)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetRankErrorBound(1)).ParamName);
    }

    [Fact]
    public void AnEmptySketchAnswersZeroRanksAndNaNQuantiles()
    {
        var sketch = new QuantileSketch();

        Assert.True(sketch.IsEmpty);
        Assert.True(sketch.IsExact);
        Assert.Equal(0, sketch.GetRank(3));
        Assert.Equal(0, sketch.GetRankExclusive(3));
        Assert.True(double.IsNaN(sketch.GetQuantile(0.5)));
        Assert.True(double.IsNaN(sketch.Min));
        Assert.True(double.IsNaN(sketch.Max));
        Assert.Equal(0, sketch.GetSortedView().TotalWeight);
        Assert.True(double.IsNaN(sketch.GetSortedView().GetQuantile(0.5)));
    }

    [Fact]
    public void ExclusiveRankIsTheLeftLimitAtAtoms()
    {
        // Atom 2 has mass 3/6: F(2) - F(2-) = 1/2; between atoms the two ranks agree.
        var sketch = SketchData.Sketch([1, 2, 2, 2, 3, 4]);

        Assert.Equal(4 / 6.0, sketch.GetRank(2));
        Assert.Equal(1 / 6.0, sketch.GetRankExclusive(2));
        Assert.Equal(sketch.GetRank(2.5), sketch.GetRankExclusive(2.5));
        Assert.Equal(0, sketch.GetRankExclusive(1));
        Assert.Equal(1, sketch.GetRank(4));
        Assert.Equal(2, sketch.GetQuantile(0.2));
        Assert.Equal(2, sketch.GetQuantile(4 / 6.0));
        Assert.Equal(3, sketch.GetQuantile((4 / 6.0) + 1e-9));
        Assert.Equal(1, sketch.GetQuantile(0));
        Assert.Equal(4, sketch.GetQuantile(1));
    }

    [Fact]
    public void QuantileAndRankAreConsistentInverses()
    {
        var data = SketchData.Tied(200_000, 41);
        var normal = SketchData.Normal(200_000, 42);
        foreach (var sketch in new[] { SketchData.Sketch(data), SketchData.Sketch(normal) })
        {
            var view = sketch.GetSortedView();
            for (var i = 0; i < view.Values.Length; i++)
            {
                var x = view.Values[i];
                var rank = sketch.GetRank(x);

                // Inclusive convention: the quantile of F(x) is x itself for a retained x, and the quantile
                // of r has rank >= r while everything below it has rank < r.
                Assert.Equal(x, sketch.GetQuantile(rank));
                Assert.True(sketch.GetRankExclusive(x) < rank);
                Assert.Equal(i == 0 ? 0 : sketch.GetRank(view.Values[i - 1]), sketch.GetRankExclusive(x));
            }

            for (var r = 0.0; r <= 1; r += 0.001)
            {
                var q = sketch.GetQuantile(r);
                Assert.True(sketch.GetRank(q) >= r);
                Assert.True(sketch.GetRankExclusive(q) < r || r == 0);
            }
        }
    }

    [Fact]
    public void SortedViewIsAnExactImmutableSummaryOfTheRetainedItems()
    {
        var sketch = SketchData.Sketch(SketchData.Bimodal(100_000, 43));
        var view = sketch.GetSortedView();
        var values = view.Values.ToArray();

        Assert.Equal(sketch.Count, view.TotalWeight);
        Assert.Equal(view.TotalWeight, view.CumulativeWeights[^1]);
        for (var i = 1; i < view.Values.Length; i++)
        {
            Assert.True(view.Values[i] > view.Values[i - 1]);
            Assert.True(view.CumulativeWeights[i] > view.CumulativeWeights[i - 1]);
        }

        foreach (var x in SketchData.Normal(2_000, 44))
        {
            Assert.Equal(sketch.GetRank(x * 4), view.GetRank(x * 4));
            Assert.Equal(sketch.GetRankExclusive(x * 4), view.GetRankExclusive(x * 4));
        }

        Assert.Same(view, sketch.GetSortedView());
        sketch.Update(1e6);
        Assert.NotSame(view, sketch.GetSortedView());
        Assert.Equal(values, view.Values.ToArray());
        Assert.Equal(sketch.Count - 1, view.TotalWeight);
    }

    [Fact]
    public void CloneIsIndependentAndDeterministic()
    {
        var sketch = SketchData.Sketch(SketchData.Normal(50_000, 45));
        var clone = sketch.Clone();

        clone.Update(123);
        Assert.Equal(50_000, sketch.Count);
        Assert.Equal(50_001, clone.Count);
        Assert.NotEqual(sketch.Max, clone.Max);

        sketch.Update(123);
        Assert.Equal(sketch.Serialize(), clone.Serialize());
    }

    [Fact]
    public void TheSeedDeterminesTheState()
    {
        var data = SketchData.Normal(50_000, 46);

        Assert.Equal(SketchData.Sketch(data, seed: 9).Serialize(), SketchData.Sketch(data, seed: 9).Serialize());
        Assert.NotEqual(SketchData.Sketch(data, seed: 9).Serialize(), SketchData.Sketch(data, seed: 10).Serialize());
    }
}
