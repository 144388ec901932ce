using System.Globalization;
using System.Text;

namespace FairnessGuard.Metrics;

/// <summary>The demographic-parity audit of a set of outputs: per-group statistics and the gap measures.</summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed class FairnessReport<TGroup>
    where TGroup : notnull
{
    internal FairnessReport(
        IReadOnlyList<GroupReport<TGroup>> groups,
        IReadOnlyList<double> quantileLevels,
        int nonFiniteCount,
        double ksUnfairness,
        (TGroup First, TGroup Second)? ksPair,
        double ksLowerBound,
        double confidence,
        double? threshold,
        double maxMmdSquared)
    {
        Groups = groups;
        QuantileLevels = quantileLevels;
        NonFiniteCount = nonFiniteCount;
        KsUnfairness = ksUnfairness;
        KsPair = ksPair;
        KsLowerBound = ksLowerBound;
        Confidence = confidence;
        Threshold = threshold;
        MaxMmdSquared = maxMmdSquared;
        if (threshold is not null)
        {
            var rates = new double[groups.Count];
            for (var i = 0; i < rates.Length; i++)
            {
                rates[i] = groups[i].SelectionRate ?? 0;
            }

            DpDifference = SelectionRates.Difference(rates);
            DpRatio = SelectionRates.Ratio(rates);
        }
    }

    /// <summary>The per-group statistics, in order of first appearance.</summary>
    public IReadOnlyList<GroupReport<TGroup>> Groups { get; }

    /// <summary>The quantile levels of <see cref="GroupReport{TGroup}.Quantiles"/>.</summary>
    public IReadOnlyList<double> QuantileLevels { get; }

    /// <summary>The number of NaN or infinite outputs left out of every measure.</summary>
    public int NonFiniteCount { get; }

    /// <summary>KS unfairness: the largest KS distance between any two groups (0 = parity, 1 = disjoint).</summary>
    public double KsUnfairness { get; }

    /// <summary>The pair of groups at which <see cref="KsUnfairness"/> is reached; null with fewer than 2 groups.</summary>
    public (TGroup First, TGroup Second)? KsPair { get; }

    /// <summary>
    /// A lower bound on the true KS unfairness at <see cref="Confidence"/>, from the DKW inequality with the
    /// failure probability split over all groups: a gap above a tolerance is real only when this is.
    /// </summary>
    public double KsLowerBound { get; }

    /// <summary>The confidence of <see cref="KsLowerBound"/>.</summary>
    public double Confidence { get; }

    /// <summary>The decision threshold of the selection rates, if one was given.</summary>
    public double? Threshold { get; }

    /// <summary>The DP difference of selection rates (largest − smallest), when a threshold was given.</summary>
    public double? DpDifference { get; }

    /// <summary>The DP ratio of selection rates (smallest / largest), when a threshold was given.</summary>
    public double? DpRatio { get; }

    /// <summary>Whether the DP ratio is under 0.8 (the four-fifths rule); null without a threshold.</summary>
    public bool? FailsFourFifths => DpRatio is { } r ? r < SelectionRates.FourFifths : null;

    /// <summary>The largest unbiased MMD² (Gaussian kernel, median-heuristic width) between two groups; NaN when not computed.</summary>
    public double MaxMmdSquared { get; }

    /// <summary>A fixed-width text table of the report, invariant culture.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{"group",-16} {"n",8} {"share",7} {"mean",10}");
        foreach (var q in QuantileLevels)
        {
            sb.Append(c, $" {"q" + (q * 100).ToString("0.#", c),9}");
        }

        sb.Append(c, $" {"KS(pool)",9} {"W1(pool)",10}");
        if (Threshold is not null)
        {
            sb.Append(c, $" {"sel.rate",9}");
        }

        sb.AppendLine();
        foreach (var g in Groups)
        {
            sb.Append(c, $"{Truncate(g.Group.ToString(), 16),-16} {g.Count,8} {g.Share,7:0.0000} {g.Mean,10:0.0000}");
            foreach (var v in g.Quantiles)
            {
                sb.Append(c, $" {v,9:0.0000}");
            }

            sb.Append(c, $" {g.KsToPool,9:0.0000} {g.W1ToPool,10:0.0000}");
            if (g.SelectionRate is { } rate)
            {
                sb.Append(c, $" {rate,9:0.0000}");
            }

            sb.AppendLine();
        }

        sb.AppendLine(c, $"KS unfairness {KsUnfairness:0.0000} (DKW lower bound {KsLowerBound:0.0000} at {Confidence:0.##} confidence)");
        if (DpDifference is { } diff && DpRatio is { } ratio)
        {
            sb.AppendLine(c, $"threshold {Threshold:0.####}: DP difference {diff:0.0000}, DP ratio {ratio:0.0000}{(ratio < SelectionRates.FourFifths ? " (fails the four-fifths rule)" : string.Empty)}");
        }

        if (!double.IsNaN(MaxMmdSquared))
        {
            sb.AppendLine(c, $"max MMD² {MaxMmdSquared:0.000000}");
        }

        if (NonFiniteCount > 0)
        {
            sb.AppendLine(c, $"{NonFiniteCount} non-finite outputs left out");
        }

        return sb.ToString();
    }

    private static string Truncate(string? s, int width) => s is null ? string.Empty : s.Length <= width ? s : s[..width];
}
