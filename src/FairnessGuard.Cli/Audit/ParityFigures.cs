using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Audit;

/// <summary>One group's row of an audit (the fields of the runtime's <see cref="GroupReport{TGroup}"/>).</summary>
/// <param name="Group">The group.</param>
/// <param name="Count">Finite scores in the group.</param>
/// <param name="Share">The group's share of all finite scores.</param>
/// <param name="Mean">The mean score.</param>
/// <param name="Quantiles">The scores at <see cref="ParityFigures.QuantileLevels"/>.</param>
/// <param name="KsToPool">KS distance to the pooled scores.</param>
/// <param name="W1ToPool">Wasserstein-1 distance to the pooled scores.</param>
/// <param name="SelectionRate">Share at or above the threshold, when one was given.</param>
internal sealed record GroupFigures(string Group, long Count, double Share, double Mean, IReadOnlyList<double> Quantiles, double KsToPool, double W1ToPool, double? SelectionRate);

/// <summary>
/// The audit's numbers, whichever way they were computed: exactly by <see cref="FairnessAudit"/>, or from
/// per-group quantile sketches on inputs too large to hold (then <see cref="Method"/> says so and the KS
/// lower bound also subtracts the sketches' rank errors).
/// </summary>
internal sealed record ParityFigures(
    IReadOnlyList<GroupFigures> Groups,
    IReadOnlyList<double> QuantileLevels,
    long NonFiniteCount,
    double KsUnfairness,
    (string First, string Second)? KsPair,
    double KsLowerBound,
    double Confidence,
    double? Threshold,
    double MaxMmdSquared,
    string Method)
{
    /// <summary>Selection-rate difference (largest − smallest), when a threshold was given.</summary>
    public double? DpDifference => Threshold is null ? null : SelectionRates.Difference(Rates());

    /// <summary>Selection-rate ratio (smallest / largest), when a threshold was given.</summary>
    public double? DpRatio => Threshold is null ? null : SelectionRates.Ratio(Rates());

    /// <summary>Whether the DP ratio is under four fifths; null without a threshold.</summary>
    public bool? FailsFourFifths => DpRatio is { } r ? r < SelectionRates.FourFifths : null;

    /// <summary>The figures of an exact audit.</summary>
    public static ParityFigures From(FairnessReport<string> report) => new(
        report.Groups.Select(g => new GroupFigures(g.Group, g.Count, g.Share, g.Mean, g.Quantiles, g.KsToPool, g.W1ToPool, g.SelectionRate)).ToArray(),
        report.QuantileLevels,
        report.NonFiniteCount,
        report.KsUnfairness,
        report.KsPair,
        report.KsLowerBound,
        report.Confidence,
        report.Threshold,
        report.MaxMmdSquared,
        "exact");

    private double[] Rates() => Groups.Select(g => g.SelectionRate ?? 0).ToArray();
}
