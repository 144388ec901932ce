using FairnessGuard.Distributions;
using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Distributions;

/// <summary>
/// Every implementation of <see cref="IScoreDistribution"/> answers alike on the same data (a sketch below its
/// capacity is exact), with DataSketches' inclusive/exclusive semantics, and the distances agree across them.
/// </summary>
public class ScoreDistributionTests
{
    private static readonly double[] Data = [3, 1, 2, 2];

    public static TheoryData<string> Kinds() => ["sample", "sketch", "view", "pool"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RanksCountTheAtomOnlyWhenInclusive(string kind)
    {
        var d = Make(kind, Data);
        Assert.Equal(4, d.TotalWeight);
        Assert.False(d.IsEmpty);
        Assert.Equal((1.0, 3.0), (d.Min, d.Max));
        Assert.Equal(0.75, d.GetRank(2, SearchCriteria.Inclusive));
        Assert.Equal(0.25, d.GetRank(2, SearchCriteria.Exclusive));
        Assert.Equal(0, d.GetRank(0.5, SearchCriteria.Inclusive));
        Assert.Equal(1, d.GetRank(3, SearchCriteria.Inclusive));
        Assert.Equal(0.75, d.GetRank(3, SearchCriteria.Exclusive));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.GetRank(double.NaN, SearchCriteria.Inclusive));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void QuantilesInvertTheRanks(string kind)
    {
        var d = Make(kind, Data);

        // Inclusive: smallest item with F(x) >= r. Exclusive: smallest with F(x) > r, the largest when none is.
        Assert.Equal(1, d.GetQuantile(0, SearchCriteria.Inclusive));
        Assert.Equal(1, d.GetQuantile(0.25, SearchCriteria.Inclusive));
        Assert.Equal(2, d.GetQuantile(0.25, SearchCriteria.Exclusive));
        Assert.Equal(2, d.GetQuantile(0.5, SearchCriteria.Inclusive));
        Assert.Equal(3, d.GetQuantile(0.75, SearchCriteria.Exclusive));
        Assert.Equal(3, d.GetQuantile(1, SearchCriteria.Inclusive));
        Assert.Equal(3, d.GetQuantile(1, SearchCriteria.Exclusive));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.GetQuantile(1.5, SearchCriteria.Inclusive));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CdfEndsWithTheWholeMass(string kind)
    {
        var d = Make(kind, Data);
        var cdf = new double[4];
        d.GetCdf([1, 2, 2.5], cdf, SearchCriteria.Inclusive);
        Assert.Equal(new double[] { 0.25, 0.75, 0.75, 1 }, cdf);
        d.GetCdf([1, 2, 2.5], cdf, SearchCriteria.Exclusive);
        Assert.Equal(new double[] { 0, 0.25, 0.75, 1 }, cdf);
        Assert.Throws<ArgumentException>(() => d.GetCdf([1], cdf, SearchCriteria.Inclusive));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmptyDistributionsAnswerNeutrally(string kind)
    {
        var d = Make(kind, []);
        Assert.True(d.IsEmpty);
        Assert.True(double.IsNaN(d.Min) && double.IsNaN(d.Max));
        Assert.Equal(0, d.GetRank(1, SearchCriteria.Inclusive));
        Assert.True(double.IsNaN(d.GetQuantile(0.5, SearchCriteria.Inclusive)));
        Assert.Equal(0, Distance.KolmogorovSmirnov(d, Make(kind, Data)));
    }

    [Fact]
    public void DistancesAreTheSameNumberWhateverTheRepresentation()
    {
        // Seeded; a sketch with k = 200 holds 150 items exactly, so every representation is the same distribution.
        var random = new Random(7);
        var a = Enumerable.Range(0, 150).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var b = Enumerable.Range(0, 120).Select(_ => Math.Round(random.NextDouble() * 1.2, 2)).ToArray();
        var sortedA = a.Order().ToArray();
        var sortedB = b.Order().ToArray();
        var ks = Distance.KolmogorovSmirnov(sortedA, sortedB);
        var w1 = Distance.Wasserstein1(sortedA, sortedB);
        Assert.True(ks > 0 && w1 > 0);
        foreach (var kindA in Kinds())
        {
            foreach (var kindB in Kinds())
            {
                Assert.Equal(ks, Distance.KolmogorovSmirnov(Make(kindA, a), Make(kindB, b)));
                Assert.Equal(w1, Distance.Wasserstein1(Make(kindA, a), Make(kindB, b)));
            }
        }
    }

    [Fact]
    public void UnitWeightViewsRejectMismatchedWeights()
    {
        Assert.Throws<ArgumentException>(() => new SortedWeights([1, 2], [1], 1));
        var unit = SortedWeights.Unit([1, 1, 2]);
        Assert.Equal(2, unit.CumulativeWeightAt(1));
        Assert.Equal(2, unit.WeightUpTo(1, SearchCriteria.Inclusive));
    }

    private static IScoreDistribution Make(string kind, double[] values)
    {
        var sketch = new QuantileSketch();
        foreach (var v in values)
        {
            sketch.Update(v);
        }

        return kind switch
        {
            "sample" => new SortedSample(values),
            "sketch" => sketch,
            "view" => sketch.GetSortedView(),
            _ => PooledDistribution.Of([new SortedSample(values[..(values.Length / 2)]), new SortedSample(values[(values.Length / 2)..])]),
        };
    }
}
