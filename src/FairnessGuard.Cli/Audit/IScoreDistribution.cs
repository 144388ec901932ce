using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Audit;

/// <summary>A group's score distribution as the report's charts read it: exact or from a sketch.</summary>
internal interface IScoreDistribution
{
    /// <summary>The smallest score; NaN when empty.</summary>
    double Min { get; }

    /// <summary>The largest score; NaN when empty.</summary>
    double Max { get; }

    /// <summary>The share of scores at or below x; NaN when empty.</summary>
    double Cdf(double x);

    /// <summary>The share of scores at or above t (the selection rate at threshold t); 0 when empty.</summary>
    double ShareAtLeast(double t);
}

/// <summary>One group of exactly grouped outputs.</summary>
internal sealed class ExactDistribution(GroupedOutputs<string> grouped, int index) : IScoreDistribution
{
    /// <inheritdoc/>
    public double Min => Sorted.IsEmpty ? double.NaN : Sorted[0];

    /// <inheritdoc/>
    public double Max => Sorted.IsEmpty ? double.NaN : Sorted[^1];

    private ReadOnlySpan<double> Sorted => grouped.Sorted(index);

    /// <summary>One distribution per group, in the groups' order.</summary>
    public static IReadOnlyList<IScoreDistribution> All(GroupedOutputs<string> grouped) =>
        Enumerable.Range(0, grouped.Groups.Count).Select(g => (IScoreDistribution)new ExactDistribution(grouped, g)).ToArray();

    // F(x) = share < next double after x = 1 − share ≥ BitIncrement(x).
    /// <inheritdoc/>
    public double Cdf(double x) => Sorted.IsEmpty ? double.NaN : 1 - SelectionRates.Rate(Sorted, Math.BitIncrement(x));

    /// <inheritdoc/>
    public double ShareAtLeast(double t) => Sorted.IsEmpty ? 0 : SelectionRates.Rate(Sorted, t);
}

/// <summary>One group's quantile sketch.</summary>
internal sealed class SketchDistribution(QuantileSketch sketch) : IScoreDistribution
{
    /// <inheritdoc/>
    public double Min => sketch.IsEmpty ? double.NaN : sketch.Min;

    /// <inheritdoc/>
    public double Max => sketch.IsEmpty ? double.NaN : sketch.Max;

    /// <inheritdoc/>
    public double Cdf(double x) => sketch.IsEmpty ? double.NaN : sketch.GetRank(x);

    /// <inheritdoc/>
    public double ShareAtLeast(double t) => sketch.IsEmpty ? 0 : 1 - sketch.GetRankExclusive(t);
}
