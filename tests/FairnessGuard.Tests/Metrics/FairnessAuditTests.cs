using FairnessGuard.Distributions;
using FairnessGuard.Metrics;
using FairnessGuard.TestKit;

namespace FairnessGuard.Tests.Metrics;

public class FairnessAuditTests
{
    private static readonly double[] Outputs = [0.1, 0.4, 0.6, 0.9, 0.2, 0.3, 0.35, double.NaN, 0.8];
    private static readonly string[] Groups = ["a", "a", "a", "a", "b", "b", "b", "b", "b"];

    [Fact]
    public void ReportsPerGroupStatisticsAndGaps()
    {
        var report = FairnessAudit.Evaluate<string>(Outputs, Groups, new FairnessAuditOptions { Threshold = 0.5, MmdSampleCap = 0 });

        Assert.Equal(1, report.NonFiniteCount);
        var a = report.Groups[0];
        var b = report.Groups[1];
        Assert.Equal(("a", 4), (a.Group, a.Count));
        Assert.Equal(("b", 4), (b.Group, b.Count));
        Assert.Equal(0.5, a.Share, 12);
        Assert.Equal(0.5, a.Mean, 12);
        Assert.Equal(0.4125, b.Mean, 12);

        // R-7 median of {0.1, 0.4, 0.6, 0.9} is 0.5; of {0.2, 0.3, 0.35, 0.8} is 0.325.
        Assert.Equal(0.5, a.Quantiles[2], 12);
        Assert.Equal(0.325, b.Quantiles[2], 12);

        // Selection at y ≥ 0.5: a has 0.6, 0.9 (1/2); b has 0.8 (1/4).
        Assert.Equal(0.5, a.SelectionRate);
        Assert.Equal(0.25, b.SelectionRate);
        Assert.Equal(0.25, report.DpDifference!.Value, 12);
        Assert.Equal(0.5, report.DpRatio!.Value, 12);
        Assert.True(report.FailsFourFifths);

        // F_a − F_b: at 0.35 F_a = 1/4, F_b = 3/4 → KS 1/2; tiny samples give no lower bound.
        Assert.Equal(0.5, report.KsUnfairness, 12);
        Assert.Equal(("a", "b"), report.KsPair);
        Assert.Equal(0, report.KsLowerBound);
        Assert.Equal(Distance.KolmogorovSmirnov([0.1, 0.4, 0.6, 0.9], [0.1, 0.2, 0.3, 0.35, 0.4, 0.6, 0.8, 0.9]), a.KsToPool, 12);
    }

    [Fact]
    public void WithoutThresholdThereAreNoSelectionRates()
    {
        var report = FairnessAudit.Evaluate<string>(Outputs, Groups);
        Assert.Null(report.DpDifference);
        Assert.Null(report.FailsFourFifths);
        Assert.All(report.Groups, g => Assert.Null(g.SelectionRate));
        Assert.False(double.IsNaN(report.MaxMmdSquared));
    }

    [Fact]
    public void ReportTextMatchesApprovedSnapshot()
    {
        var report = FairnessAudit.Evaluate<string>(Outputs, Groups, new FairnessAuditOptions { Threshold = 0.5, MmdSampleCap = 0 });
        Snapshot.Match(report.ToString());
    }

    [Fact]
    public void InvalidOptionsNameTheOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FairnessAudit.Evaluate<string>(Outputs, Groups, new FairnessAuditOptions { Confidence = 1.5 }));
        Assert.Equal("Confidence", e.ParamName);
        var q = Assert.Throws<ArgumentOutOfRangeException>(() => FairnessAudit.Evaluate<string>(Outputs, Groups, new FairnessAuditOptions { QuantileLevels = [0.5, 2] }));
        Assert.Equal("QuantileLevels", q.ParamName);
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => FairnessAudit.Evaluate<string>([1.0, 2.0], ["a"]));
        Assert.Contains("2 rows", e.Message, StringComparison.Ordinal);
    }
}
