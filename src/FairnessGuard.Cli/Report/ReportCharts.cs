using FairnessGuard.Cli.Audit;

namespace FairnessGuard.Cli.Report;

/// <summary>The report's three charts, each an inline SVG string.</summary>
internal static class ReportCharts
{
    private const int CdfPoints = 240;
    private const int HistogramBins = 30;

    /// <summary>Each group's empirical CDF: raw solid, after the barycenter map dashed.</summary>
    public static string Cdfs(ReportData data)
    {
        var (low, high) = Range(data);
        var plot = new SvgPlot(data.Corrected is null ? "Group CDFs" : "Group CDFs: raw (solid) vs corrected (dashed)", low, high, 0, 1);
        plot.Axes(data.Outcome.Settings.Columns.Score, "share of the group at or below");
        for (var g = 0; g < data.Raw.Count; g++)
        {
            var colour = Palette.Group(g);
            plot.Line(Curve(data.Raw[g], low, high), colour, dashed: false);
            plot.LegendEntry($"{data.Names[g]} raw", colour, "line");
            if (data.Corrected is { } corrected)
            {
                plot.Line(Curve(corrected[g], low, high), colour, dashed: true, width: 2);
                plot.LegendEntry($"{data.Names[g]} corrected", colour, "dashed");
            }
        }

        return plot.ToSvg();
    }

    /// <summary>Each group's histogram of raw scores (share of the group per bin), bars side by side in each bin.</summary>
    public static string Histograms(ReportData data)
    {
        var (low, high) = Range(data);
        var k = data.Raw.Count;
        var shares = new double[k][];
        var top = 0.0;
        for (var g = 0; g < k; g++)
        {
            shares[g] = Bins(data.Raw[g], low, high);
            top = Math.Max(top, shares[g].Max());
        }

        var plot = new SvgPlot("Histograms of raw scores (share of each group per bin)", low, high, 0, top * 1.1);
        plot.Axes(data.Outcome.Settings.Columns.Score, "share of the group");
        var binWidth = SvgPlot.PlotWidth / HistogramBins;
        for (var b = 0; b < HistogramBins; b++)
        {
            var left = plot.X(low) + (b * binWidth) + 1;
            for (var g = 0; g < k; g++)
            {
                plot.Bar(left + (g * (binWidth - 2) / k), (binWidth - 2) / k, shares[g][b], Palette.Group(g));
            }
        }

        for (var g = 0; g < k; g++)
        {
            plot.LegendEntry(data.Names[g], Palette.Group(g), "box");
        }

        return plot.ToSvg();
    }

    private static double Favourable(ReportData data, double shareAtLeast) =>
        data.Outcome.Settings.Favorable == Metrics.FavorableOutcome.Low ? 1 - shareAtLeast : shareAtLeast;

    /// <summary>Selection rates per group, raw (solid) and corrected (light), with the four-fifths line under the highest raw rate.</summary>
    public static string SelectionRates(ReportData data)
    {
        var k = data.Raw.Count;
        var raw = new double[k];
        var corrected = new double[k];
        for (var g = 0; g < k; g++)
        {
            raw[g] = Favourable(data, data.Raw[g].ShareAtLeast(data.Threshold));
            corrected[g] = data.Corrected is { } c ? Favourable(data, c[g].ShareAtLeast(data.Threshold)) : double.NaN;
        }

        var note = data.ThresholdIsMedian ? " (no --threshold: the pooled median)" : string.Empty;
        var side = data.Outcome.Settings.Favorable == Metrics.FavorableOutcome.Low ? "<" : ">=";
        var plot = new SvgPlot($"Selection rates (favourable: score {side} {Output.Numbers.G(data.Threshold)}){note}", 0, k, 0, 1);
        plot.Axes("group", "selection rate", numericX: false);
        var slot = SvgPlot.PlotWidth / k;
        for (var g = 0; g < k; g++)
        {
            var left = plot.X(g) + (slot * 0.15);
            var width = slot * 0.7 / 2;
            plot.Bar(left, width, raw[g], Palette.Group(g));
            if (!double.IsNaN(corrected[g]))
            {
                plot.Bar(left + width, width, corrected[g], Palette.Group(g), opacity: 0.35);
            }

            plot.XLabel(plot.X(g) + (slot / 2), data.Names[g]);
        }

        plot.HorizontalLine(Metrics.SelectionRates.FourFifths * raw.Max(), Palette.FourFifthsLine, "4/5 of the highest rate");
        plot.LegendEntry("raw (solid)", "#555555", "box");
        if (data.Corrected is not null)
        {
            plot.LegendEntry("corrected (light)", "#bbbbbb", "box");
        }

        return plot.ToSvg();
    }

    private static (double Low, double High) Range(ReportData data)
    {
        var all = data.Raw.Concat(data.Corrected ?? []).Where(d => !double.IsNaN(d.Min)).ToArray();
        var low = all.Length == 0 ? 0 : all.Min(d => d.Min);
        var high = all.Length == 0 ? 1 : all.Max(d => d.Max);
        return high > low ? (low, high) : (low - 0.5, low + 0.5);
    }

    private static IEnumerable<(double X, double Y)> Curve(IScoreDistribution distribution, double low, double high)
    {
        for (var i = 0; i <= CdfPoints; i++)
        {
            var x = low + ((high - low) * i / CdfPoints);
            yield return (x, distribution.Cdf(x));
        }
    }

    // The share in bin b is F(right edge) − F(left edge); the first bin also takes the mass at its left edge.
    private static double[] Bins(IScoreDistribution distribution, double low, double high)
    {
        var shares = new double[HistogramBins];
        if (double.IsNaN(distribution.Min))
        {
            return shares;
        }

        var previous = 0.0;
        for (var b = 0; b < HistogramBins; b++)
        {
            var edge = b == HistogramBins - 1 ? high : low + ((high - low) * (b + 1) / HistogramBins);
            var cdf = distribution.Cdf(edge);
            shares[b] = cdf - previous;
            previous = cdf;
        }

        return shares;
    }
}
