using FairnessGuard.Cli.Audit;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Output;

/// <summary>The label-metrics section shared by the text, Markdown and HTML outputs: one row of cells per group.</summary>
internal static class LabelLines
{
    /// <summary>The column names.</summary>
    public static string[] Columns(LabelMetrics labels) => labels.Report.Kind == LabelMetricKind.Classification
        ? ["group", "n", "TPR [95% CI]", "FPR [95% CI]", "FNR", "precision", "accuracy", "ΔTPR vs ref", "ΔFPR vs ref"]
        : ["group", "n", "MSE", "MAE", "ΔMSE vs ref"];

    /// <summary>One row per group (the reference marked), then the pooled row.</summary>
    public static IEnumerable<string[]> Rows(LabelMetrics labels)
    {
        var r = labels.Report;
        foreach (var g in r.Groups)
        {
            var name = g.Group == r.Reference ? $"{g.Group} (ref)" : g.Group;
            yield return Cells(r, g, name, disparities: true);
        }

        yield return Cells(r, r.Overall, "all", disparities: false);
    }

    /// <summary>The gap summary line.</summary>
    public static string Summary(LabelMetrics labels, string column)
    {
        var r = labels.Report;
        var head = $"label '{column}': {(r.Kind == LabelMetricKind.Classification ? "classification (predicted 1 when score >= threshold; label 1 = positive)" : "regression")}, reference group '{r.Reference}'";
        return r.Kind == LabelMetricKind.Classification
            ? $"{head}; equal-opportunity difference {Numbers.F4(r.EqualOpportunityDifference)}, equalized-odds difference {Numbers.F4(r.EqualizedOddsDifference)}; intervals: Wilson at {Numbers.G(r.Confidence)}"
            : head;
    }

    /// <summary>A rate with its interval: 0.8123 [0.7900, 0.8330].</summary>
    public static string Rate(RateEstimate? rate) => rate is null ? "n/a" : $"{Numbers.F4(rate.Value)} [{Numbers.F4(rate.Low)}, {Numbers.F4(rate.High)}]";

    private static string[] Cells(ErrorRateReport<string> r, GroupErrorRates<string> g, string name, bool disparities)
    {
        if (r.Kind == LabelMetricKind.Classification)
        {
            return
            [
                name, Numbers.Count(g.Count), Rate(g.TruePositiveRate), Rate(g.FalsePositiveRate), Numbers.F4(g.FalseNegativeRate?.Value),
                Numbers.F4(g.Precision?.Value), Numbers.F4(g.Accuracy?.Value), disparities ? Signed(r.TprDisparity(g)) : string.Empty,
                disparities ? Signed(r.FprDisparity(g)) : string.Empty,
            ];
        }

        return [name, Numbers.Count(g.Count), Numbers.F4(g.MeanSquaredError), Numbers.F4(g.MeanAbsoluteError), disparities ? Signed(r.ErrorDisparity(g)) : string.Empty];
    }

    private static string Signed(double? value) => value is { } v && !double.IsNaN(v) ? (v >= 0 ? "+" : string.Empty) + Numbers.F4(v) : "n/a";
}
