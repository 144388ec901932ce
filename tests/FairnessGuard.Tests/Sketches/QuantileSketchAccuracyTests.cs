using FairnessGuard.Sketches;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Sketches;

/// <summary>
/// The rank-error guarantee on 10^6 items. Each check uses the bound the sketch documents: for G queries
/// that must all hold, the Azuma bound of this sketch's compaction history at confidence 1 - 1%/G (union
/// bound); and the a-priori ε = NormalizedRankError must dominate the single-query bound of that history.
/// </summary>
public class QuantileSketchAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Distributions => ["normal", "cauchy", "bimodal"];

    [Theory]
    [MemberData(nameof(Distributions))]
    public void RankErrorOnAMillionItemsIsWithinTheDocumentedBound(string distribution)
    {
        var data = distribution switch
        {
            "normal" => SketchData.Normal(SketchData.Million, 11),
            "cauchy" => SketchData.Cauchy(SketchData.Million, 12),
            _ => SketchData.Bimodal(SketchData.Million, 13),
        };
        var sketch = SketchData.Sketch(data);
        var sorted = SketchData.Sorted(data);
        var grid = SketchData.RankGrid(sorted, SketchData.GridSize);

        var inclusive = SketchData.MaxRankError(sketch, sorted, grid, inclusive: true);
        var exclusive = SketchData.MaxRankError(sketch, sorted, grid, inclusive: false);
        var simultaneous = SketchData.SimultaneousBound(sketch, 2 * SketchData.GridSize);
        output.WriteLine($"{distribution}: max |rank error| {inclusive:F5} (<=) / {exclusive:F5} (<); " +
            $"simultaneous bound {simultaneous:F5}; single-query bound {sketch.GetRankErrorBound(0.99):F5}; ε {sketch.NormalizedRankError:F5}");

        Assert.False(sketch.IsExact);
        Assert.InRange(inclusive, 0, simultaneous);
        Assert.InRange(exclusive, 0, simultaneous);
        Assert.InRange(sketch.GetRankErrorBound(0.99), 0, sketch.NormalizedRankError);
    }

    [Fact]
    public void RankErrorOnHeavilyTiedDataIsWithinTheBoundAtEveryDistinctValue()
    {
        var data = SketchData.Tied(SketchData.Million, 14);
        var sketch = SketchData.Sketch(data);
        var sorted = SketchData.Sorted(data);
        var atoms = SketchData.Distinct(sorted);

        var inclusive = SketchData.MaxRankError(sketch, sorted, atoms, inclusive: true);
        var exclusive = SketchData.MaxRankError(sketch, sorted, atoms, inclusive: false);
        var simultaneous = SketchData.SimultaneousBound(sketch, 2 * atoms.Length);
        output.WriteLine($"tied ({atoms.Length} atoms): max |rank error| {inclusive:F5} (<=) / {exclusive:F5} (<); simultaneous bound {simultaneous:F5}");

        Assert.InRange(atoms.Length, 5, 40);
        Assert.InRange(inclusive, 0, simultaneous);
        Assert.InRange(exclusive, 0, simultaneous);

        // An atom of true mass m > 2 x bound cannot vanish: F(y) - F(y-) is then off by m, so one side would
        // break the bound. The sketch must keep every such atom as an atom.
        var massBefore = SketchData.ExactRanks(sorted, atoms, inclusive: false);
        var massUpTo = SketchData.ExactRanks(sorted, atoms, inclusive: true);
        for (var i = 0; i < atoms.Length; i++)
        {
            if (massUpTo[i] - massBefore[i] > 2 * simultaneous)
            {
                Assert.True(sketch.GetRank(atoms[i]) > sketch.GetRankExclusive(atoms[i]), $"atom {atoms[i]} lost its mass");
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(200)]
    public void TheCompactionScheduleNeverExceedsTheAprioriVariance(int k)
    {
        // The a-priori ε rests on V <= (n/k)^2 for every n; V depends only on n (not on the values or the
        // coin flips), so checking it after each of these updates checks the claim on this whole range.
        var sketch = new QuantileSketch(k, seed: 3);
        var random = new Random(5);
        var worst = 0.0;
        for (var n = 1; n <= 400_000; n++)
        {
            sketch.Update(random.NextDouble());
            worst = Math.Max(worst, sketch.CompactionVariance * k * k / ((double)n * n));
        }

        output.WriteLine($"k = {k}: max V (k/n)^2 = {worst:F4}");
        Assert.InRange(worst, 0, 1);
        Assert.True(worst > 0.5, "the schedule should come close to the bound (first compaction gives (k/(k+1))^2)");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(200)]
    public void AnswersAreExactWhileCountIsAtMostK(int k)
    {
        // Few distinct values, so ties are part of the check.
        var random = new Random(k);
        var data = new double[k];
        for (var i = 0; i < k; i++)
        {
            data[i] = random.Next(0, k / 4);
        }

        var sketch = SketchData.Sketch(data, k);
        var sorted = SketchData.Sorted(data);
        var points = new double[(k / 4) + 2];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = i - 1;
        }

        Assert.True(sketch.IsExact);
        Assert.Equal(0, sketch.GetRankErrorBound(0.99));
        Assert.Equal(0, SketchData.MaxRankError(sketch, sorted, points, inclusive: true));
        Assert.Equal(0, SketchData.MaxRankError(sketch, sorted, points, inclusive: false));
        for (var i = 1; i <= k; i++)
        {
            // The inclusive quantile at rank i/k is the i-th smallest item.
            Assert.Equal(sorted[i - 1], sketch.GetQuantile(i / (double)k));
        }

        sketch.Update(0.5);
        Assert.False(sketch.IsExact);
    }
}
