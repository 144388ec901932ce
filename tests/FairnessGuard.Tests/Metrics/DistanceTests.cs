using FairnessGuard.Distributions;
using FairnessGuard.Metrics;

namespace FairnessGuard.Tests.Metrics;

public class DistanceTests
{
    [Fact]
    public void KsDistanceMatchesHandComputedValue()
    {
        // F_A after 1,2,3: 1/3, 2/3, 1; F_B after 2,3,4,5: 1/4, 1/2, 3/4, 1. Largest gap at t=3: 1 − 1/2.
        Assert.Equal(0.5, Distance.KolmogorovSmirnov([1, 2, 3], [2, 3, 4, 5]), 12);
    }

    [Fact]
    public void KsDistanceConsumesTiesTogether()
    {
        // At t=1 both CDFs jump: A to 3/4, B to 1/4; the gap 1/2 is only seen when ties are consumed together.
        Assert.Equal(0.5, Distance.KolmogorovSmirnov([1, 1, 1, 2], [1, 2, 2, 2]), 12);
        Assert.Equal(0, Distance.KolmogorovSmirnov([1, 1, 2, 2], [1, 2]), 12);
    }

    [Fact]
    public void KsDistanceOfDisjointSamplesIsOne() => Assert.Equal(1, Distance.KolmogorovSmirnov([1, 2], [3, 4]));

    [Fact]
    public void KsDistanceOfEmptySampleIsZero() => Assert.Equal(0, Distance.KolmogorovSmirnov([], [1]));

    [Fact]
    public void W1MatchesHandComputedValue()
    {
        // F_A − F_B is 1/2 on [1, 3) and 0 elsewhere: area 1.
        Assert.Equal(1, Distance.Wasserstein1([0, 1], [0, 3]), 12);
        Assert.Equal(2.5, Distance.Wasserstein1([1], [3.5]), 12);
    }

    [Fact]
    public void W1OfEqualSizedSamplesIsMeanGapOfOrderStatistics()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var n = random.Next(1, 60);
            var a = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 10, 1)).Order().ToArray();
            var b = Enumerable.Range(0, n).Select(_ => Math.Round((random.NextDouble() * 8) + 1, 1)).Order().ToArray();
            var expected = a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
            Assert.Equal(expected, Distance.Wasserstein1(a, b), 9);
        }
    }

    [Fact]
    public void DkwEpsilonMatchesFormula()
    {
        // sqrt(ln(2/0.05) / (2·100))
        Assert.Equal(0.13581015157406195, DkwBound.Epsilon(100, 0.05), 12);
        Assert.Equal(double.PositiveInfinity, DkwBound.Epsilon(0, 0.05));
    }

    [Fact]
    public void DkwLowerBoundSplitsDeltaOverTheFamily()
    {
        // Two groups at 95 %: δ/2 = 0.025 per band.
        var eps = DkwBound.Epsilon(400, 0.025);
        Assert.Equal(0.3 - (2 * eps), DkwBound.KsLowerBound(0.3, 400, 400), 12);

        // Ten groups share the same δ: each band is wider, the bound lower.
        Assert.True(DkwBound.KsLowerBound(0.3, 400, 400, 0.95, 10) < DkwBound.KsLowerBound(0.3, 400, 400));

        // Small samples never show a violation.
        Assert.Equal(0, DkwBound.KsLowerBound(0.4, 10, 12));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void DkwRejectsConfidenceOutsideUnitInterval(double confidence)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DkwBound.KsLowerBound(0.1, 10, 10, confidence));
        Assert.Equal("confidence", e.ParamName);
    }

    [Fact]
    public void SelectionRatesMatchHandComputedValues()
    {
        Assert.Equal(0.75, SelectionRates.Rate([0.1, 0.5, 0.7, 0.9], 0.5));
        Assert.Equal(0, SelectionRates.Rate([0.1, 0.2], 0.5));
        Assert.Equal(0.5, SelectionRates.Difference([0.25, 0.75, 0.5]), 12);
        Assert.Equal(1.0 / 3, SelectionRates.Ratio([0.25, 0.75, 0.5]), 12);
        Assert.Equal(1, SelectionRates.Ratio([0, 0]));
    }

    [Fact]
    public void MmdMatchesHandComputedValue()
    {
        // σ = 1: xx = k(0,1) = e^-0.5; yy = k(0,2) = e^-2; xy = (1 + e^-2 + 2e^-0.5) / 4; MMD² = xx + yy − 2·xy.
        Assert.Equal(-0.4323323583816937, MmdDistance.UnbiasedSquared([0, 1], [0, 2], 1), 12);
    }

    [Fact]
    public void MmdSeparatesShiftedDistributionsAndNotEqualOnes()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();
        var shifted = b.Select(v => v + 1).ToArray();
        var same = MmdDistance.UnbiasedSquared(a, b, MmdDistance.MedianHeuristic(a, b));
        var apart = MmdDistance.UnbiasedSquared(a, shifted, MmdDistance.MedianHeuristic(a, shifted));
        Assert.True(Math.Abs(same) < 0.01, $"same-distribution MMD² {same}");
        Assert.True(apart > 0.3, $"shifted MMD² {apart}");
    }

    [Fact]
    public void MmdRejectsBadArguments()
    {
        Assert.Throws<ArgumentException>(() => MmdDistance.UnbiasedSquared([1], [1, 2], 1));
        Assert.Equal("bandwidth", Assert.Throws<ArgumentOutOfRangeException>(() => MmdDistance.UnbiasedSquared([1, 2], [1, 2], 0)).ParamName);
    }
}
