using System.Globalization;
using System.Text;
using FairnessGuard.Metrics;

namespace FairnessGuard.ML;

/// <summary>The fairness figures of one group in <see cref="FairnessEvaluation"/>.</summary>
public sealed record GroupEvaluation
{
    /// <summary>The group value (invariant text).</summary>
    public required string Group { get; init; }

    /// <summary>The rows with a finite score.</summary>
    public required int Count { get; init; }

    /// <summary>The mean score.</summary>
    public required double Mean { get; init; }

    /// <summary>The scores at <see cref="FairnessEvaluation.QuantileLevels"/> (R-7).</summary>
    public required IReadOnlyList<double> Quantiles { get; init; }

    /// <summary>The share of rows with score ≥ threshold; null without a threshold.</summary>
    public double? SelectionRate { get; init; }

    /// <summary>The Wilson score interval of <see cref="SelectionRate"/> at the evaluation's confidence.</summary>
    public (double Lower, double Upper)? SelectionRateInterval { get; init; }

    /// <summary>With a Boolean label: the share of decisions (score ≥ threshold) equal to the label.</summary>
    public double? Accuracy { get; init; }

    /// <summary>With a numeric label: the mean squared error of the score.</summary>
    public double? MeanSquaredError { get; init; }

    /// <summary>With a Boolean label: TP / (TP + FN); null when the group has no positive label.</summary>
    public double? TruePositiveRate { get; init; }

    /// <summary>With a Boolean label: FP / (FP + TN); null when the group has no negative label.</summary>
    public double? FalsePositiveRate { get; init; }

    /// <summary>With a Boolean label: FN / (TP + FN) = 1 − TPR.</summary>
    public double? FalseNegativeRate { get; init; }
}

/// <summary>The result of <see cref="FairnessCatalog.Evaluate"/>: per-group figures and the gaps between groups.</summary>
public sealed class FairnessEvaluation
{
    internal FairnessEvaluation(FairnessReport<string> report, IReadOnlyList<GroupEvaluation> groups, int missingGroupRows)
    {
        Report = report;
        Groups = groups;
        MissingGroupRows = missingGroupRows;
        EqualOpportunityDifference = Spread(groups.Select(g => g.TruePositiveRate));
        var fpr = Spread(groups.Select(g => g.FalsePositiveRate));
        EqualizedOddsDifference = EqualOpportunityDifference is { } tpr && fpr is { } f ? Math.Max(tpr, f) : null;
    }

    /// <summary>The demographic-parity audit of the scores, exactly as <see cref="FairnessAudit.Evaluate{TGroup}(ReadOnlySpan{double}, ReadOnlySpan{TGroup}, FairnessAuditOptions?)"/> computes it.</summary>
    public FairnessReport<string> Report { get; }

    /// <summary>The per-group figures, in order of first appearance.</summary>
    public IReadOnlyList<GroupEvaluation> Groups { get; }

    /// <summary>The quantile levels of <see cref="GroupEvaluation.Quantiles"/>.</summary>
    public IReadOnlyList<double> QuantileLevels => Report.QuantileLevels;

    /// <summary>Rows left out because their group value was missing.</summary>
    public int MissingGroupRows { get; }

    /// <summary>The largest KS distance between two groups' score distributions.</summary>
    public double KsUnfairness => Report.KsUnfairness;

    /// <summary>The DKW lower confidence bound of <see cref="KsUnfairness"/>.</summary>
    public double KsLowerBound => Report.KsLowerBound;

    /// <summary>The confidence of the bound and of the Wilson intervals.</summary>
    public double Confidence => Report.Confidence;

    /// <summary>The decision threshold (selected when score ≥ threshold), if any.</summary>
    public double? Threshold => Report.Threshold;

    /// <summary>Largest minus smallest selection rate.</summary>
    public double? DpDifference => Report.DpDifference;

    /// <summary>Smallest over largest selection rate (the four-fifths rule wants ≥ 0.8).</summary>
    public double? DpRatio => Report.DpRatio;

    /// <summary>Largest minus smallest true-positive rate (equal opportunity); null without a Boolean label.</summary>
    public double? EqualOpportunityDifference { get; }

    /// <summary>The larger of the TPR and FPR differences (equalized odds); null without a Boolean label.</summary>
    public double? EqualizedOddsDifference { get; }

    /// <summary>A text table, invariant culture.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{"group",-16} {"n",7} {"mean",9} {"sel.rate",9} {"95% CI",17} {"acc",7} {"MSE",9} {"TPR",7} {"FPR",7} {"FNR",7}").AppendLine();
        foreach (var g in Groups)
        {
            sb.Append(c, $"{g.Group,-16} {g.Count,7} {g.Mean,9:0.0000} {Format(g.SelectionRate),9} ");
            sb.Append(g.SelectionRateInterval is { } ci ? string.Format(c, "[{0:0.000}, {1:0.000}]", ci.Lower, ci.Upper).PadLeft(17) : new string(' ', 17));
            sb.Append(c, $" {Format(g.Accuracy),7} {Format(g.MeanSquaredError),9} {Format(g.TruePositiveRate),7} {Format(g.FalsePositiveRate),7} {Format(g.FalseNegativeRate),7}").AppendLine();
        }

        sb.Append(c, $"KS unfairness {KsUnfairness:0.0000} (DKW lower bound {KsLowerBound:0.0000} at {Confidence:0.##})");
        if (DpDifference is { } d && DpRatio is { } r)
        {
            sb.Append(c, $"; DP difference {d:0.0000}, DP ratio {r:0.0000}");
        }

        if (EqualOpportunityDifference is { } eo)
        {
            sb.Append(c, $"; equal-opportunity difference {eo:0.0000}");
        }

        if (EqualizedOddsDifference is { } eodds)
        {
            sb.Append(c, $"; equalized-odds difference {eodds:0.0000}");
        }

        return sb.AppendLine().ToString();
    }

    private static string Format(double? v) => v is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static double? Spread(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
        return present.Length < 2 ? null : present.Max() - present.Min();
    }
}
