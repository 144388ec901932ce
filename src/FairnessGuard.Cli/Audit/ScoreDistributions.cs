global using IScoreDistribution = FairnessGuard.Distributions.IScoreDistribution;
using FairnessGuard.Distributions;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// The report's charts read each group's scores as the runtime's <see cref="IScoreDistribution"/>: exact
/// (<see cref="GroupedOutputs{TGroup}.Distribution"/>) or a group's <see cref="Sketches.QuantileSketch"/>.
/// </summary>
internal static class ExactDistribution
{
    /// <summary>One distribution per group, in the groups' order.</summary>
    public static IReadOnlyList<IScoreDistribution> All(GroupedOutputs<string> grouped) =>
        Enumerable.Range(0, grouped.Groups.Count).Select(grouped.Distribution).ToArray();
}

/// <summary>The two readings the charts make of a distribution, with the charts' conventions for an empty group.</summary>
internal static class ScoreDistributionCharts
{
    /// <summary>The share of scores at or below x; NaN when empty.</summary>
    public static double Cdf(this IScoreDistribution distribution, double x) =>
        distribution.IsEmpty ? double.NaN : distribution.GetRank(x, SearchCriteria.Inclusive);

    /// <summary>The share of scores at or above t (the selection rate at threshold t); 0 when empty.</summary>
    public static double ShareAtLeast(this IScoreDistribution distribution, double t) =>
        distribution.IsEmpty ? 0 : 1 - distribution.GetRank(t, SearchCriteria.Exclusive);
}
