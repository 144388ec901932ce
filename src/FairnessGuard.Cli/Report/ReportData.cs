using FairnessGuard.Cli.Audit;
using FairnessGuard.Correction;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Report;

/// <summary>
/// What the HTML report draws: the audited scores by group and, as a preview of <c>correct --mode batch</c>,
/// the same scores after the exact barycenter map fitted on the file itself (in-sample).
/// </summary>
/// <param name="Outcome">The audit.</param>
/// <param name="Threshold">The threshold of the selection-rate chart: the audit's, else the pooled median.</param>
/// <param name="Corrected">The corrected scores by group; null when the map cannot be fitted (fewer than two groups).</param>
/// <param name="CorrectedReport">The audit of the corrected scores; null with <paramref name="Corrected"/>.</param>
internal sealed record ReportData(AuditOutcome Outcome, double Threshold, GroupedOutputs<string>? Corrected, FairnessReport<string>? CorrectedReport)
{
    /// <summary>The correction preview's seed, fixed so the report is reproducible.</summary>
    public const ulong PreviewSeed = 42;

    /// <summary>The audited scores by group.</summary>
    public GroupedOutputs<string> Raw => Outcome.Grouped;

    /// <summary>Whether the chart's threshold is the pooled median because none was given.</summary>
    public bool ThresholdIsMedian => Outcome.Settings.Threshold is null;

    /// <summary>Builds the data, fitting the preview correction.</summary>
    public static ReportData Build(AuditOutcome outcome)
    {
        var pooled = outcome.Grouped.PooledSorted;
        var threshold = outcome.Settings.Threshold ?? (pooled.IsEmpty ? 0 : pooled[pooled.Length / 2]);
        try
        {
            var data = outcome.Data;
            var corrector = ExactBarycenterCorrector<string>.Fit(data.Scores, data.Groups, new BarycenterOptions { Seed = PreviewSeed });
            var corrected = new double[data.Scores.Length];
            corrector.Apply(data.Scores, data.Groups, corrected);
            var grouped = GroupedOutputs<string>.Create(corrected, data.Groups);
            var report = FairnessAudit.Evaluate(grouped, new FairnessAuditOptions { Threshold = threshold, Confidence = outcome.Settings.Confidence });
            return new ReportData(outcome, threshold, grouped, report);
        }
        catch (ArgumentException)
        {
            return new ReportData(outcome, threshold, null, null);
        }
    }

    /// <summary>The share of a sorted sample at or below x: one minus the share at or above the next double.</summary>
    public static double Cdf(ReadOnlySpan<double> sorted, double x) =>
        sorted.IsEmpty ? double.NaN : 1 - SelectionRates.Rate(sorted, Math.BitIncrement(x));

    /// <summary>The share of a sorted sample at or above the threshold.</summary>
    public static double Rate(ReadOnlySpan<double> sorted, double threshold) =>
        sorted.IsEmpty ? 0 : SelectionRates.Rate(sorted, threshold);
}
