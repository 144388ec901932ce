using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Audit;

/// <summary>What <c>audit</c> was asked.</summary>
/// <param name="Path">The CSV file.</param>
/// <param name="Columns">Group, score and label columns.</param>
/// <param name="Threshold">The decision threshold for selection rates, if any.</param>
/// <param name="Tolerance">The KS tolerance: a violation when the DKW lower bound of the KS unfairness exceeds it.</param>
/// <param name="Confidence">The confidence of the DKW bound.</param>
/// <param name="SketchK">When set, audit with per-group quantile sketches of this k (constant memory) instead of exactly.</param>
internal sealed record AuditSettings(string Path, ColumnSpec Columns, double? Threshold, double Tolerance, double Confidence, int? SketchK = null);

/// <summary>The audit of one file: the parity figures plus the file-level counts and the verdict.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Figures">The demographic-parity figures.</param>
/// <param name="Labels">Error against the labels, when a label column was named.</param>
/// <param name="Rows">Rows audited (with a group).</param>
/// <param name="MissingGroup">Rows left out because a group column was missing.</param>
/// <param name="Distributions">Each group's scores for the report's charts, in the figures' group order.</param>
/// <param name="Data">The values read, in an exact audit (the report's correction preview needs them); null with sketches.</param>
internal sealed record AuditOutcome(
    AuditSettings Settings, ParityFigures Figures, LabelMetrics? Labels, long Rows, long MissingGroup, IReadOnlyList<IScoreDistribution> Distributions, AuditData? Data)
{
    /// <summary>Whether the gap is a violation: its lower bound is above the tolerance, so small samples raise no false alarm.</summary>
    public bool Violation => Figures.KsLowerBound > Settings.Tolerance;

    /// <summary>Reads the file and audits it, exactly or with sketches as the settings say.</summary>
    /// <exception cref="CsvInputException">The file is unreadable or has no row with a group.</exception>
    public static AuditOutcome Run(AuditSettings settings, Action<long, long>? progress = null) =>
        settings.SketchK is { } k ? SketchAudit.Run(settings, k, progress) : RunExact(settings, progress);

    private static AuditOutcome RunExact(AuditSettings settings, Action<long, long>? progress)
    {
        var data = AuditData.Load(settings.Path, settings.Columns, progress);
        if (data.Groups.Length == 0)
        {
            throw new CsvInputException(settings.Path, 0, 0, null, "no data row has a group value");
        }

        var grouped = GroupedOutputs<string>.Create(data.Scores, data.Groups);
        var report = FairnessAudit.Evaluate(grouped, new FairnessAuditOptions { Threshold = settings.Threshold, Confidence = settings.Confidence });
        LabelMetrics? labels = null;
        if (data.Labels is { } y)
        {
            var accumulator = new LabelAccumulator(settings.Threshold);
            for (var i = 0; i < y.Length; i++)
            {
                accumulator.Add(data.Groups[i], data.Scores[i], y[i]);
            }

            labels = accumulator.ToMetrics(grouped.Groups);
        }

        return new AuditOutcome(settings, ParityFigures.From(report), labels, data.Groups.Length, data.MissingGroup, ExactDistribution.All(grouped), data);
    }
}
