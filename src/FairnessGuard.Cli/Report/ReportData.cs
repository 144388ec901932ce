using FairnessGuard.Cli.Audit;
using FairnessGuard.Correction;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Report;

/// <summary>
/// What the HTML report draws: the audited scores by group and, in an exact audit, a preview of
/// <c>correct --mode batch</c>: the same scores after the exact barycenter map fitted on the file itself (in-sample).
/// </summary>
/// <param name="Outcome">The audit.</param>
/// <param name="Threshold">The threshold of the selection-rate chart: the audit's, else the pooled median.</param>
/// <param name="Corrected">The corrected scores by group; null in a sketch audit or when the map cannot be fitted.</param>
/// <param name="CorrectedFigures">The audit of the corrected scores; null with <paramref name="Corrected"/>.</param>
internal sealed record ReportData(AuditOutcome Outcome, double Threshold, IReadOnlyList<IScoreDistribution>? Corrected, ParityFigures? CorrectedFigures)
{
    /// <summary>The correction preview's seed, fixed so the report is reproducible.</summary>
    public const ulong PreviewSeed = 42;

    /// <summary>The audited scores by group.</summary>
    public IReadOnlyList<IScoreDistribution> Raw => Outcome.Distributions;

    /// <summary>The group names, in chart order.</summary>
    public IReadOnlyList<string> Names => Outcome.Figures.Groups.Select(g => g.Group).ToArray();

    /// <summary>Whether the chart's threshold is the pooled median because none was given.</summary>
    public bool ThresholdIsMedian => Outcome.Settings.Threshold is null;

    /// <summary>Builds the data, fitting the preview correction when the audit kept the values.</summary>
    public static ReportData Build(AuditOutcome outcome)
    {
        var threshold = outcome.Settings.Threshold ?? PooledMedian(outcome);
        if (outcome.Data is not { } data)
        {
            return new ReportData(outcome, threshold, null, null);
        }

        try
        {
            var corrector = ExactBarycenterCorrector<string>.Fit(data.Scores, data.Groups, new BarycenterOptions { Seed = PreviewSeed });
            var corrected = new double[data.Scores.Length];
            corrector.Apply(data.Scores, data.Groups, corrected);
            var grouped = GroupedOutputs<string>.Create(corrected, data.Groups);
            var report = FairnessAudit.Evaluate(grouped, new FairnessAuditOptions { Threshold = threshold, Confidence = outcome.Settings.Confidence, Favorable = outcome.Settings.Favorable });
            return new ReportData(outcome, threshold, ExactDistribution.All(grouped), ParityFigures.From(report));
        }
        catch (ArgumentException)
        {
            return new ReportData(outcome, threshold, null, null);
        }
    }

    // Bisection on the share-weighted mixture of the group CDFs: the pooled CDF.
    private static double PooledMedian(AuditOutcome outcome)
    {
        var groups = outcome.Figures.Groups;
        var (low, high) = (outcome.Distributions.Min(d => d.Min), outcome.Distributions.Max(d => d.Max));
        if (!(high > low))
        {
            return double.IsFinite(low) ? low : 0;
        }

        for (var i = 0; i < 100; i++)
        {
            var mid = (low + high) / 2;
            var cdf = groups.Select((g, j) => g.Count == 0 ? 0 : g.Share * outcome.Distributions[j].Cdf(mid)).Sum();
            (low, high) = cdf >= 0.5 ? (low, mid) : (mid, high);
        }

        return high;
    }
}
