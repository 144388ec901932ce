using FairnessGuard.Metrics;
using Microsoft.ML;

namespace FairnessGuard.ML.Tests;

public class EvaluateTests
{
    [Fact]
    public void Evaluate_reports_the_same_numbers_as_FairnessAudit_on_the_same_rows()
    {
        var ml = new MLContext(1);
        var rows = Synthetic.Scores(3000, 30);
        rows[5].Score = float.NaN;
        var evaluation = ml.Fairness().Evaluate(ml.Data.LoadFromEnumerable(rows), "Score", "Group", threshold: 0.25);
        var audit = FairnessAudit.Evaluate<string>(
            rows.Select(r => (double)r.Score).ToArray(), rows.Select(r => r.Group).ToArray(), new FairnessAuditOptions { Threshold = 0.25 });

        Assert.Equal(audit.KsUnfairness, evaluation.KsUnfairness);
        Assert.Equal(audit.KsLowerBound, evaluation.KsLowerBound);
        Assert.Equal(audit.DpDifference, evaluation.DpDifference);
        Assert.Equal(audit.DpRatio, evaluation.DpRatio);
        Assert.Equal(1, evaluation.Report.NonFiniteCount);
        Assert.True(evaluation.KsLowerBound > 0, "the groups' means differ by design");
        for (var g = 0; g < audit.Groups.Count; g++)
        {
            var expected = audit.Groups[g];
            var actual = evaluation.Groups[g];
            Assert.Equal(expected.Group, actual.Group);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Mean, actual.Mean);
            Assert.Equal(expected.Quantiles, actual.Quantiles);
            Assert.Equal(expected.SelectionRate, actual.SelectionRate);
            var (lower, upper) = actual.SelectionRateInterval!.Value;
            Assert.InRange(expected.SelectionRate!.Value, lower, upper);
        }

        Assert.Null(evaluation.EqualOpportunityDifference);
    }

    [Fact]
    public void Label_figures_match_a_hand_count()
    {
        var ml = new MLContext(1);
        // Group x: TP, FN, FP, TN; group y: TP, TP, FN, TN.
        var rows = new[]
        {
            new ScoredRow { Group = "x", Score = 1, Label = true },
            new ScoredRow { Group = "x", Score = -1, Label = true },
            new ScoredRow { Group = "x", Score = 2, Label = false },
            new ScoredRow { Group = "x", Score = -2, Label = false },
            new ScoredRow { Group = "y", Score = 1, Label = true },
            new ScoredRow { Group = "y", Score = 0, Label = true },
            new ScoredRow { Group = "y", Score = -3, Label = true },
            new ScoredRow { Group = "y", Score = -1, Label = false },
        };
        var e = ml.Fairness().Evaluate(ml.Data.LoadFromEnumerable(rows), "Score", "Group", "Label");
        var x = e.Groups.Single(g => g.Group == "x");
        var y = e.Groups.Single(g => g.Group == "y");
        Assert.Equal(0.5, x.TruePositiveRate);
        Assert.Equal(0.5, x.FalsePositiveRate);
        Assert.Equal(0.5, x.FalseNegativeRate);
        Assert.Equal(0.5, x.Accuracy);
        Assert.Equal(2.0 / 3, y.TruePositiveRate!.Value, 12);
        Assert.Equal(0.0, y.FalsePositiveRate);
        Assert.Equal(0.75, y.Accuracy);
        Assert.Equal((2.0 / 3) - 0.5, e.EqualOpportunityDifference!.Value, 12);
        Assert.Equal(0.5, e.EqualizedOddsDifference);
        Assert.Equal(0.5, x.SelectionRate);
        Assert.Equal(0.5, y.SelectionRate);
        Assert.Contains("equal-opportunity difference", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_label_gives_the_mean_squared_error()
    {
        var ml = new MLContext(1);
        var rows = new[]
        {
            new RegressionRow { Group = "x", Score = 1, Label = 2 },
            new RegressionRow { Group = "x", Score = 3, Label = 2 },
            new RegressionRow { Group = "y", Score = 0, Label = 3 },
        };
        var e = ml.Fairness().Evaluate(ml.Data.LoadFromEnumerable(rows), "Score", "Group", "Label");
        Assert.Equal(1.0, e.Groups.Single(g => g.Group == "x").MeanSquaredError);
        Assert.Equal(9.0, e.Groups.Single(g => g.Group == "y").MeanSquaredError);
        Assert.Null(e.Groups[0].TruePositiveRate);
        Assert.Null(e.Groups[0].SelectionRate);
    }

    [Fact]
    public void Wilson_interval_matches_the_textbook_value()
    {
        // p = 0.5, n = 100, z = 1.959964: centre 0.5, half-width 0.0962 (Wilson 1927; Agresti & Coull 1998, table).
        var (lower, upper) = FairnessCatalog.Wilson(0.5, 100, 1.959964);
        Assert.Equal(0.4038, lower, 4);
        Assert.Equal(0.5962, upper, 4);
        Assert.Equal((0.0, 1.0), FairnessCatalog.Wilson(0, 0, 1.96));
    }

    public sealed class RegressionRow
    {
        public float Score { get; set; }

        public string Group { get; set; } = string.Empty;

        public float Label { get; set; }
    }
}
