using FairnessGuard.Correction;

namespace FairnessGuard.Tests.Correction;

/// <summary>The no-harm test's statistic: a group's KS to the mixture, turned into its KS to the rest.</summary>
public class MixtureGapTests
{
    private const int Knots = 512;

    [Theory]
    [InlineData(0.12, 0.5)]
    [InlineData(0.5, 0.3)]
    [InlineData(0.88, 1.0)]
    public void AGroupsGapToTheMixtureOverOneMinusItsShareIsItsKsToTheOtherGroup(double share, double shift)
    {
        var random = new Random(5);
        var a = Grid(random, 20_000, 0);
        var b = Grid(random, 20_000, shift);
        var bary = new double[Knots];
        for (var k = 0; k < Knots; k++)
        {
            bary[k] = (share * a[k]) + ((1 - share) * b[k]);
        }

        var result = new double[2];
        MixtureGap.Compute([a, b], [share, 1 - share], bary, result);

        // F_a − F_mix = (1 − p_a)(F_a − F_b) exactly; the two sides are sups over different 512-point sets, each
        // within one grid cell's mass (≈ 1/511 for these smooth distributions) of the true sup: 0.01 covers both.
        var pairwise = ShrinkageRule.KsOnGrids(a, b);
        Assert.InRange(result[0] / (1 - share), pairwise - 0.01, pairwise + 0.01);
        Assert.InRange(result[1] / share, pairwise - 0.01, pairwise + 0.01);
    }

    [Fact]
    public void EqualGroupsShowNoGapBeyondTheGrid()
    {
        var random = new Random(6);
        var a = Grid(random, 50_000, 0);
        var result = new double[2];
        MixtureGap.Compute([a, a], [0.3, 0.7], a, result);
        Assert.All(result, d => Assert.InRange(d, 0, 1.0 / (Knots - 1)));
    }

    [Fact]
    public void ItsTwoSidesAreEachGroupsKsToThePointsBitForBit()
    {
        // A map build takes a group's KS to the barycenter from these two walks instead of KsOnGrids: same doubles.
        var random = new Random(8);
        var a = Grid(random, 3_000, 0);
        var b = Grid(random, 500, 0.7);
        var c = Grid(random, 80, -0.4);
        for (var k = 100; k < 140; k++)
        {
            c[k] = c[100]; // an atom: equal knots
        }

        var bary = new double[Knots];
        for (var k = 0; k < Knots; k++)
        {
            bary[k] = (0.6 * a[k]) + (0.3 * b[k]) + (0.1 * c[k]);
        }

        double[][] grids = [a, b, c];
        var (result, to, from) = (new double[3], new double[3], new double[3]);
        MixtureGap.Compute(grids, [0.6, 0.3, 0.1], bary, result, to, from);
        for (var s = 0; s < grids.Length; s++)
        {
            Assert.Equal(ShrinkageRule.KsOnGrids(grids[s], bary), Math.Max(from[s], to[s]));
        }
    }

    // Quantiles of n normal draws (+shift) on the rank grid k/(Knots − 1), by linear interpolation of the order statistics.
    private static double[] Grid(Random random, int n, double shift)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = MathNet.Numerics.Distributions.Normal.Sample(random, shift, 1);
        }

        Array.Sort(x);
        var grid = new double[Knots];
        for (var k = 0; k < Knots; k++)
        {
            var r = k / (double)(Knots - 1) * (n - 1);
            var lo = (int)Math.Floor(r);
            var hi = Math.Min(n - 1, lo + 1);
            grid[k] = x[lo] + ((r - lo) * (x[hi] - x[lo]));
        }

        return grid;
    }
}
