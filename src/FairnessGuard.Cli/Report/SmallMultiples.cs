using System.Globalization;
using System.Net;
using System.Text;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Report;

/// <summary>
/// The report's charts that scale from 2 to dozens of groups: one small CDF panel per group against the pool
/// (raw solid, corrected dashed, pool grey) in a grid with one shared key, and a horizontal selection-rate chart
/// with one row per group, Wilson intervals and value labels. Each is one inline SVG; no legend can overflow.
/// </summary>
internal static class SmallMultiples
{
    /// <summary>The charts' width in pixels.</summary>
    public const int Width = 1000;

    private const int CdfPoints = 120;
    private const int PanelHeight = 150;
    private const int KeyHeight = 30;
    private const string PoolColour = "#888888";

    /// <summary>The grid of per-group CDF panels.</summary>
    public static string CdfPanels(ReportData data)
    {
        var k = data.Raw.Count;
        var columns = k <= 2 ? k : k <= 4 ? 2 : k <= 9 ? 3 : 4;
        var rows = (k + columns - 1) / columns;
        var panelWidth = Width / (double)columns;
        var (low, high) = Range(data);
        var height = KeyHeight + (rows * PanelHeight);
        var svg = new StringBuilder();
        var title = data.Corrected is null ? "Each group's CDF (colour) against the pool (grey)" : "Each group's CDF: raw (solid), corrected (dashed), pool (grey)";
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"18\" font-size=\"15\" font-weight=\"bold\">{E(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 4}\" y=\"18\" font-size=\"11\" text-anchor=\"end\">x: {E(Clip(data.Outcome.Settings.Columns.Score, 30))}, y: share at or below</text>\n");
        var pool = Pool(data.Outcome, data.Raw);
        for (var g = 0; g < k; g++)
        {
            var (x0, y0) = (g % columns * panelWidth, KeyHeight + (g / columns * PanelHeight));
            var figures = data.Outcome.Figures.Groups[g];
            var frame = new Frame(x0 + 40, y0 + 20, panelWidth - 52, PanelHeight - 46, low, high);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"panel\" data-group=\"{E(data.Names[g])}\">\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x0 + 40)}\" y=\"{N(y0 + 14)}\" font-size=\"12\" font-weight=\"bold\">{E(Clip(data.Names[g], columns >= 4 ? 18 : 30))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x0 + panelWidth - 12)}\" y=\"{N(y0 + 14)}\" font-size=\"11\" text-anchor=\"end\">n {Output.Numbers.Count(figures.Count)} · KS {Output.Numbers.F4(figures.KsToPool)}</text>\n");
            frame.Axes(svg);
            frame.Line(svg, Curve(pool, low, high), PoolColour, dashed: false, width: 1.5);
            frame.Line(svg, Curve(data.Raw[g].Cdf, low, high), Palette.Group(g), dashed: false, width: 2);
            if (data.Corrected is { } corrected)
            {
                frame.Line(svg, Curve(corrected[g].Cdf, low, high), Palette.Group(g), dashed: true, width: 1.5);
            }

            svg.Append("</g>\n");
        }

        return Svg(height, svg);
    }

    /// <summary>Selection rates, one row per group: raw bar with its Wilson interval and value, corrected bar below it.</summary>
    public static string SelectionRates(ReportData data)
    {
        var outcome = data.Outcome;
        var k = data.Raw.Count;
        var raw = new RateEstimate[k];
        var corrected = new double[k];
        for (var g = 0; g < k; g++)
        {
            var n = outcome.Figures.Groups[g].Count;
            var rate = outcome.Figures.Groups[g].SelectionRate ?? Favourable(outcome, data.Raw[g].ShareAtLeast(data.Threshold));
            raw[g] = WilsonInterval.Compute((long)Math.Round(rate * n), n, outcome.Settings.Confidence);
            corrected[g] = data.Corrected is { } c ? Favourable(outcome, c[g].ShareAtLeast(data.Threshold)) : double.NaN;
        }

        const int RowHeight = 26, Top = 52, LabelWidth = 180, ValueWidth = 220;
        var top = Math.Max(raw.Max(r => double.IsNaN(r.High) ? 0 : r.High), corrected.Where(double.IsFinite).DefaultIfEmpty(0).Max());
        var high = Math.Min(1, NiceCeiling(Math.Max(top * 1.08, 0.01)));
        var plotWidth = Width - LabelWidth - ValueWidth;
        double X(double v) => LabelWidth + (v / high * plotWidth);
        var height = Top + (k * RowHeight) + 30;
        var svg = new StringBuilder();
        var side = outcome.Settings.Favorable == FavorableOutcome.Low ? "<" : "≥";
        var note = data.ThresholdIsMedian ? " (no --threshold: the pooled median)" : string.Empty;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"18\" font-size=\"15\" font-weight=\"bold\">{E($"Selection rates (favourable: score {side} {Output.Numbers.G(data.Threshold)}){note}")}</text>\n");
        var key = $"bar: raw rate with its {Output.Numbers.G(outcome.Settings.Confidence * 100)} % Wilson interval{(data.Corrected is null ? string.Empty : "; thin light bar: corrected")}; orange line: 4/5 of the highest raw rate";
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"36\" font-size=\"11\">{E(key)}</text>\n");
        var plotBottom = Top + (k * RowHeight);
        foreach (var t in SvgPlot.Ticks(0, high))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(t))}\" y1=\"{Top - 4}\" x2=\"{N(X(t))}\" y2=\"{plotBottom}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(t))}\" y=\"{plotBottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{N(t)}</text>\n");
        }

        for (var g = 0; g < k; g++)
        {
            var y = Top + (g * RowHeight);
            var colour = Palette.Group(g);
            var r = raw[g];
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"rate\" data-group=\"{E(data.Names[g])}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" font-size=\"12\" text-anchor=\"end\">{E(Clip(data.Names[g], 24))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{N(Math.Max(X(r.Value) - LabelWidth, 0))}\" height=\"13\" fill=\"{colour}\"/>");
            if (double.IsFinite(corrected[g]))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 17}\" width=\"{N(Math.Max(X(corrected[g]) - LabelWidth, 0))}\" height=\"5\" fill=\"{colour}\" fill-opacity=\"0.35\"/>");
            }

            if (r.Trials > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(r.Low))}\" y1=\"{y + 9.5}\" x2=\"{N(X(r.High))}\" y2=\"{y + 9.5}\" stroke=\"#222\" stroke-width=\"1.5\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(r.Low))}\" y1=\"{y + 5}\" x2=\"{N(X(r.Low))}\" y2=\"{y + 14}\" stroke=\"#222\" stroke-width=\"1.5\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(r.High))}\" y1=\"{y + 5}\" x2=\"{N(X(r.High))}\" y2=\"{y + 14}\" stroke=\"#222\" stroke-width=\"1.5\"/>");
            }

            var label = r.Trials == 0 ? "no rows" : $"{F3(r.Value)} [{F3(r.Low)}, {F3(r.High)}]" + (double.IsFinite(corrected[g]) ? $" → {F3(corrected[g])}" : string.Empty);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - ValueWidth + 8}\" y=\"{y + 14}\" font-size=\"11\">{E(label)}</text></g>\n");
        }

        var line = X(Metrics.SelectionRates.FourFifths * raw.Max(r => r.Value));
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(line)}\" y1=\"{Top - 6}\" x2=\"{N(line)}\" y2=\"{plotBottom}\" stroke=\"{Palette.FourFifthsLine}\" stroke-width=\"3\" stroke-dasharray=\"8 4\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{LabelWidth}\" y1=\"{plotBottom}\" x2=\"{LabelWidth + plotWidth}\" y2=\"{plotBottom}\" stroke=\"#333\"/>\n");
        return Svg(height, svg);
    }

    /// <summary>The pool's CDF: the share-weighted mixture of the group CDFs.</summary>
    private static Func<double, double> Pool(AuditOutcome outcome, IReadOnlyList<IScoreDistribution> groups) => x =>
    {
        double sum = 0, weight = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var n = outcome.Figures.Groups[g].Count;
            if (n > 0)
            {
                sum += n * groups[g].Cdf(x);
                weight += n;
            }
        }

        return weight == 0 ? double.NaN : sum / weight;
    };

    private static double Favourable(AuditOutcome outcome, double shareAtLeast) =>
        outcome.Settings.Favorable == FavorableOutcome.Low ? 1 - shareAtLeast : shareAtLeast;

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static (double Low, double High) Range(ReportData data)
    {
        var all = data.Raw.Concat(data.Corrected ?? []).Where(d => !double.IsNaN(d.Min)).ToArray();
        var low = all.Length == 0 ? 0 : all.Min(d => d.Min);
        var high = all.Length == 0 ? 1 : all.Max(d => d.Max);
        return high > low ? (low, high) : (low - 0.5, low + 0.5);
    }

    private static IEnumerable<(double X, double Y)> Curve(Func<double, double> cdf, double low, double high)
    {
        for (var i = 0; i <= CdfPoints; i++)
        {
            var x = low + ((high - low) * i / CdfPoints);
            var y = cdf(x);
            if (double.IsFinite(y))
            {
                yield return (x, y);
            }
        }
    }

    private static string Svg(int height, StringBuilder body) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\">\n{body}</svg>";

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>One panel's data box in pixels.</summary>
    private sealed class Frame(double left, double top, double width, double height, double x0, double x1)
    {
        public double X(double x) => left + ((x - x0) / (x1 - x0) * width);

        public double Y(double y) => top + height - (y * height);

        public void Axes(StringBuilder svg)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"none\" stroke=\"#bbb\"/>");
            foreach (var t in new[] { 0, 0.5, 1 })
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left)}\" y1=\"{N(Y(t))}\" x2=\"{N(left + width)}\" y2=\"{N(Y(t))}\" stroke=\"#eee\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 4)}\" y=\"{N(Y(t) + 4)}\" font-size=\"10\" text-anchor=\"end\">{N(t)}</text>");
            }

            var ticks = SvgPlot.Ticks(x0, x1).ToArray();
            var stride = ticks.Length > 4 && width < 300 ? 2 : 1;
            for (var i = 0; i < ticks.Length; i += stride)
            {
                var x = X(ticks[i]);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" y1=\"{N(top + height)}\" x2=\"{N(x)}\" y2=\"{N(top + height + 4)}\" stroke=\"#333\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(top + height + 15)}\" font-size=\"10\" text-anchor=\"middle\">{Output.Numbers.G(ticks[i])}</text>");
            }

            svg.Append('\n');
        }

        public void Line(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour, bool dashed, double width)
        {
            var path = string.Join(' ', points.Select(p => $"{N(X(p.X))},{N(Y(p.Y))}"));
            var dash = dashed ? " stroke-dasharray=\"6 4\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{N(width)}\"{dash}/>\n");
        }
    }
}
