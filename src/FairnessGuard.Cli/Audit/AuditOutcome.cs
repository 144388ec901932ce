using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Audit;

/// <summary>What <c>audit</c> was asked.</summary>
/// <param name="Path">The CSV file.</param>
/// <param name="Columns">Group, score and label columns.</param>
/// <param name="Threshold">The decision threshold for selection rates, if any.</param>
/// <param name="Tolerance">The KS tolerance: a violation when the DKW lower bound of the KS unfairness exceeds it.</param>
/// <param name="Confidence">The confidence of the DKW bound.</param>
internal sealed record AuditSettings(string Path, ColumnSpec Columns, double? Threshold, double Tolerance, double Confidence);

/// <summary>The audit of one file: the runtime library's report plus the file-level counts and the verdict.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Data">The values read.</param>
/// <param name="Grouped">The values by group, sorted (the plots use them).</param>
/// <param name="Report">The demographic-parity report.</param>
/// <param name="Labels">Error against the labels, when a label column was named.</param>
internal sealed record AuditOutcome(AuditSettings Settings, AuditData Data, GroupedOutputs<string> Grouped, FairnessReport<string> Report, LabelMetrics? Labels)
{
    /// <summary>Whether the gap is a violation: its DKW lower bound is above the tolerance, so small samples raise no false alarm.</summary>
    public bool Violation => Report.KsLowerBound > Settings.Tolerance;

    /// <summary>Reads the file and audits it.</summary>
    /// <exception cref="CsvInputException">The file is unreadable or has no row with a group.</exception>
    public static AuditOutcome Run(AuditSettings settings, Action<long, long>? progress = null)
    {
        var data = AuditData.Load(settings.Path, settings.Columns, progress);
        if (data.Groups.Length == 0)
        {
            throw new CsvInputException(settings.Path, 0, 0, null, "no data row has a group value");
        }

        var grouped = GroupedOutputs<string>.Create(data.Scores, data.Groups);
        var report = FairnessAudit.Evaluate(grouped, new FairnessAuditOptions
        {
            Threshold = settings.Threshold,
            Confidence = settings.Confidence,
        });
        var labels = data.Labels is null ? null : LabelMetrics.Compute(data, grouped.Groups, settings.Threshold);
        return new AuditOutcome(settings, data, grouped, report, labels);
    }
}
