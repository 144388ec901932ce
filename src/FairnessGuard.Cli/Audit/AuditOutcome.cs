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
internal sealed record AuditSettings(string Path, ColumnSpec Columns, double? Threshold, double Tolerance, double Confidence, int? SketchK = null)
{
    /// <summary>Which side of the threshold is favourable.</summary>
    public FavorableOutcome Favorable { get; init; } = FavorableOutcome.High;

    /// <summary>Rows a group needs to count as evidence; null for the DKW default (<see cref="EvidenceRule.MinimumGroupSize"/>).</summary>
    public long? MinGroupSize { get; init; }

    /// <summary>How the input's text is decoded.</summary>
    public InputEncoding Encoding { get; init; } = InputEncoding.Utf8;

    /// <summary>Whether numbers use a decimal comma.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>The reference group of the label disparities; null for the largest group.</summary>
    public string? Reference { get; init; }

    /// <summary>"csv" or "parquet"; null to go by the file's extension.</summary>
    public string? InputFormat { get; init; }
}

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

    /// <summary>The rows a group needs to count as evidence (the option, else the DKW rule at the tolerance and confidence).</summary>
    public long MinGroupSize => Settings.MinGroupSize ?? EvidenceRule.MinimumGroupSize(Settings.Tolerance, Settings.Confidence, Figures.Groups.Count);

    /// <summary>The groups with fewer finite scores than <see cref="MinGroupSize"/>: too small to ever show a violation at the tolerance.</summary>
    public IReadOnlyList<GroupFigures> InsufficientGroups => Figures.Groups.Where(g => g.Count < MinGroupSize).ToArray();

    /// <summary>No violation shown, and fewer than two groups large enough to show one: not a pass but "insufficient evidence" (exit 3).</summary>
    public bool InsufficientEvidence => !Violation && Figures.Groups.Count(g => g.Count >= MinGroupSize) < 2;

    /// <summary>The verdict in words: "violation", "insufficient evidence" or "pass".</summary>
    public string VerdictWord => Violation ? "violation" : InsufficientEvidence ? "insufficient evidence" : "pass";

    /// <summary>Reads the file and audits it, exactly or with sketches as the settings say.</summary>
    /// <exception cref="CsvInputException">The file is unreadable or has no row with a group.</exception>
    public static AuditOutcome Run(AuditSettings settings, Action<long, long>? progress = null) =>
        settings.SketchK is { } k ? SketchAudit.Run(settings, k, progress) : RunExact(settings, progress);

    private static AuditOutcome RunExact(AuditSettings settings, Action<long, long>? progress)
    {
        var data = AuditData.Load(settings.Path, settings.Columns, settings.Encoding, settings.DecimalComma, progress, settings.InputFormat);
        if (data.Groups.Length == 0)
        {
            throw new CsvInputException(settings.Path, 0, 0, null, "no data row has a group value");
        }

        var grouped = GroupedOutputs<string>.Create(data.Scores, data.Groups);
        RequireTwoGroups(settings.Path, grouped.Groups.Where((_, g) => grouped.Sorted(g).Length > 0).ToArray());
        var report = FairnessAudit.Evaluate(grouped, new FairnessAuditOptions { Threshold = settings.Threshold, Confidence = settings.Confidence, Favorable = settings.Favorable });
        LabelMetrics? labels = null;
        if (data.Labels is { } y)
        {
            var accumulator = new LabelAccumulator(settings.Threshold, settings.Reference, settings.Confidence);
            for (var i = 0; i < y.Length; i++)
            {
                accumulator.Add(data.Groups[i], data.Scores[i], y[i]);
            }

            labels = accumulator.ToMetrics(grouped.Groups);
        }

        return new AuditOutcome(settings, ParityFigures.From(report), labels, data.Groups.Length, data.MissingGroup, ExactDistribution.All(grouped), data);
    }

    /// <summary>Audit and correct accept the same inputs: both need at least two groups with a finite score.</summary>
    internal static void RequireTwoGroups(string path, IReadOnlyList<string> groupsWithScores)
    {
        if (groupsWithScores.Count < 2)
        {
            var found = groupsWithScores.Count == 0 ? "none" : $"only '{TextCap.Echo(groupsWithScores[0])}'";
            throw new CsvInputException(path, 0, 0, null, $"demographic parity compares groups: at least 2 groups with a finite score are needed; found {found}");
        }
    }
}
