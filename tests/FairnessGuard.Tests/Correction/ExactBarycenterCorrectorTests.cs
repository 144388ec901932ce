using FairnessGuard.Correction;

namespace FairnessGuard.Tests.Correction;

public class ExactBarycenterCorrectorTests
{
    // Group A = {1, 2, 3, 4} (weight 4/6), group B = {10, 20} (weight 2/6).
    private static readonly double[] CalibrationOutputs = [1, 10, 2, 3, 20, 4];
    private static readonly string[] CalibrationGroups = ["A", "B", "A", "A", "B", "A"];

    private static ExactBarycenterCorrector<string> Fitted(double strength = 1) =>
        ExactBarycenterCorrector<string>.Fit(CalibrationOutputs, CalibrationGroups, new BarycenterOptions { Strength = strength, Seed = 42 });

    [Theory]
    [InlineData(2.5, "A", (2.0 * 4 / 6) + (10.0 * 2 / 6))]   // F_A = 1/2 → Q_A = 2, Q_B = 10
    [InlineData(3.5, "A", (3.0 * 4 / 6) + (20.0 * 2 / 6))]   // F_A = 3/4 → Q_A = 3, Q_B = 20
    [InlineData(2.0, "A", (2.0 * 4 / 6) + (10.0 * 2 / 6))]   // atom: rank in (1/4, 1/2] → same quantiles
    [InlineData(15.0, "B", (2.0 * 4 / 6) + (10.0 * 2 / 6))]  // F_B = 1/2
    [InlineData(0.0, "A", (1.0 * 4 / 6) + (10.0 * 2 / 6))]   // below the range: rank 0 → minima
    [InlineData(99.0, "B", (4.0 * 4 / 6) + (20.0 * 2 / 6))]  // above the range: rank 1 → maxima
    public void MatchesHandComputedBarycenter(double raw, string group, double expected)
    {
        Assert.Equal(expected, Fitted().Apply(raw, group), 12);
    }

    [Fact]
    public void WeightsAreCalibrationSharesOfAllGroups()
    {
        var corrector = Fitted();
        Assert.Equal(4.0 / 6, corrector.Weight("A"), 12);
        Assert.Equal(2.0 / 6, corrector.Weight("B"), 12);
    }

    [Fact]
    public void OneRowApplyIsNotTheBuggyShareTimesOutput()
    {
        // The known pitfall: weights from the current call's groups only make a single row come back ≈ p_s·y.
        var single = Fitted().Apply(2.5, "A");
        Assert.NotEqual(2.5 * 4 / 6, single, 6);
        Assert.NotEqual(2.5, single, 6);
    }

    [Fact]
    public void StrengthInterpolatesBetweenRawAndFair()
    {
        var fair = Fitted().Apply(3.5, "A");
        Assert.Equal(3.5, Fitted(0).Apply(3.5, "A"));
        Assert.Equal((0.75 * 3.5) + (0.25 * fair), Fitted(0.25).Apply(3.5, "A"), 12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void StrengthOutsideUnitIntervalIsRejectedByName(double strength)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Fitted(strength));
        Assert.Equal("Strength", e.ParamName);
    }

    [Fact]
    public void UnknownGroupNamesTheGroupAndTheKnownOnesAndWritesNothing()
    {
        var corrector = Fitted();
        var destination = new[] { -1.0, -1.0, -1.0 };
        var e = Assert.Throws<ArgumentException>(() => corrector.Apply([1.0, 2.0, 3.0], ["A", "C", "B"], destination));
        Assert.Contains("'C'", e.Message, StringComparison.Ordinal);
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'A', 'B'", e.Message, StringComparison.Ordinal);
        Assert.All(destination, v => Assert.Equal(-1.0, v));
        Assert.Throws<ArgumentException>(() => corrector.Apply(1.0, "C"));
    }

    [Fact]
    public void NonFiniteOutputsPassThroughAndAreCounted()
    {
        var corrector = Fitted();
        double[] raw = [double.NaN, 2.5, double.PositiveInfinity, double.NegativeInfinity];
        var destination = new double[raw.Length];
        var result = corrector.Apply(raw, ["A", "A", "B", "B"], destination);
        Assert.Equal(new BatchCorrectionResult(4, 3), result);
        Assert.True(double.IsNaN(destination[0]));
        Assert.Equal(double.PositiveInfinity, destination[2]);
        Assert.Equal(double.NegativeInfinity, destination[3]);
        Assert.Equal(corrector.Apply(2.5, "A"), destination[1]);
        Assert.True(double.IsNaN(corrector.Apply(double.NaN, "A")));
    }

    [Fact]
    public void NonFiniteCalibrationOutputsAreExcludedAndCounted()
    {
        var corrector = ExactBarycenterCorrector<string>.Fit([1, double.NaN, 2, 10, double.NegativeInfinity, 20], ["A", "A", "A", "B", "B", "B"]);
        Assert.Equal(2, corrector.ExcludedNonFinite);
        Assert.Equal(0.5, corrector.Weight("A"), 12);
    }

    [Fact]
    public void FewerThanTwoGroupsIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ExactBarycenterCorrector<string>.Fit([1.0, 2.0], ["A", "A"]));
        Assert.Contains("at least 2 groups", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ExactBarycenterCorrector<string>.Fit([1.0, double.NaN], ["A", "B"]));
    }

    [Fact]
    public void IntersectionalTupleKeysWork()
    {
        (string, string)[] groups = [("f", "x"), ("f", "y"), ("m", "x"), ("m", "y"), ("f", "x"), ("m", "y")];
        var corrector = ExactBarycenterCorrector<(string, string)>.Fit([1, 2, 3, 4, 5, 6], groups);
        Assert.Equal(4, corrector.Groups.Count);
        Assert.Equal(2.0 / 6, corrector.Weight(("m", "y")), 12);
        Assert.True(double.IsFinite(corrector.Apply(2.5, ("f", "y"))));
    }

    [Fact]
    public void TieBreakingIsReproducibleForASeed()
    {
        double[] tied = [1, 1, 1, 1, 2, 2, 3, 3, 3, 3];
        string[] groups = ["A", "B", "A", "B", "A", "B", "A", "B", "A", "B"];
        var one = new double[tied.Length];
        var two = new double[tied.Length];
        ExactBarycenterCorrector<string>.Fit(tied, groups, new BarycenterOptions { Seed = 5 }).Apply(tied, groups, one);
        ExactBarycenterCorrector<string>.Fit(tied, groups, new BarycenterOptions { Seed = 5 }).Apply(tied, groups, two);
        Assert.Equal(one, two);
    }
}
