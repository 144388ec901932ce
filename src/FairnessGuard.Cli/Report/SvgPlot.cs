using System.Globalization;
using System.Net;
using System.Text;

namespace FairnessGuard.Cli.Report;

/// <summary>
/// One chart as inline SVG: a frame with data coordinates, axes with ticks, lines, bars and a legend.
/// Edges are crisp (no anti-aliasing) so every series keeps its exact colour on screen.
/// </summary>
internal sealed class SvgPlot
{
    /// <summary>The chart's width in pixels.</summary>
    public const int Width = 1000;

    /// <summary>The chart's height in pixels.</summary>
    public const int Height = 300;

    private const int Left = 64, Right = 200, Top = 34, Bottom = 42;
    private readonly StringBuilder _svg = new();
    private readonly List<(string Label, string Colour, string Style)> _legend = [];
    private readonly double _x0, _x1, _y0, _y1;

    /// <summary>Starts a chart over the data box [x0, x1] × [y0, y1].</summary>
    public SvgPlot(string title, double x0, double x1, double y0, double y1)
    {
        (_x0, _x1) = x1 > x0 ? (x0, x1) : (x0 - 0.5, x0 + 0.5);
        (_y0, _y1) = y1 > y0 ? (y0, y1) : (y0, y0 + 1);
        Append($"<text x=\"{Left}\" y=\"20\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>");
        Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"none\" stroke=\"#999\"/>");
    }

    /// <summary>The plot area's width in pixels.</summary>
    public static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    /// <summary>The pixel x of a data x.</summary>
    public double X(double x) => Left + ((x - _x0) / (_x1 - _x0) * PlotWidth);

    /// <summary>The pixel y of a data y.</summary>
    public double Y(double y) => Top + PlotHeight - ((y - _y0) / (_y1 - _y0) * PlotHeight);

    /// <summary>Numeric ticks and grid on both axes, with axis titles.</summary>
    public void Axes(string xTitle, string yTitle, bool numericX = true)
    {
        if (numericX)
        {
            foreach (var t in Ticks(_x0, _x1))
            {
                Append($"<line x1=\"{N(X(t))}\" y1=\"{Top + PlotHeight}\" x2=\"{N(X(t))}\" y2=\"{Top + PlotHeight + 5}\" stroke=\"#333\"/>");
                Append($"<text x=\"{N(X(t))}\" y=\"{Top + PlotHeight + 18}\" font-size=\"11\" text-anchor=\"middle\">{N(t)}</text>");
            }
        }

        foreach (var t in Ticks(_y0, _y1))
        {
            Append($"<line x1=\"{Left}\" y1=\"{N(Y(t))}\" x2=\"{Left + PlotWidth}\" y2=\"{N(Y(t))}\" stroke=\"#e5e5e5\"/>");
            Append($"<text x=\"{Left - 6}\" y=\"{N(Y(t) + 4)}\" font-size=\"11\" text-anchor=\"end\">{N(t)}</text>");
        }

        Append($"<text x=\"{N(Left + (PlotWidth / 2))}\" y=\"{Height - 6}\" font-size=\"12\" text-anchor=\"middle\">{Escape(xTitle)}</text>");
        Append($"<text x=\"14\" y=\"{N(Top + (PlotHeight / 2))}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {N(Top + (PlotHeight / 2))})\">{Escape(yTitle)}</text>");
    }

    /// <summary>A category label under the x axis at pixel x.</summary>
    public void XLabel(double pixelX, string text) =>
        Append($"<text x=\"{N(pixelX)}\" y=\"{Top + PlotHeight + 18}\" font-size=\"11\" text-anchor=\"middle\">{Escape(text)}</text>");

    /// <summary>A line through data points.</summary>
    public void Line(IEnumerable<(double X, double Y)> points, string colour, bool dashed, double width = 2.5)
    {
        var path = string.Join(' ', points.Select(p => $"{N(X(p.X))},{N(Y(p.Y))}"));
        var dash = dashed ? " stroke-dasharray=\"8 5\"" : string.Empty;
        Append($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{N(width)}\"{dash}/>");
    }

    /// <summary>A bar from data y = y0 up to <paramref name="value"/>, between pixel columns.</summary>
    public void Bar(double pixelLeft, double pixelWidth, double value, string colour, double opacity = 1)
    {
        var top = Y(value);
        var fill = opacity < 1 ? $" fill-opacity=\"{N(opacity)}\" stroke=\"{colour}\"" : string.Empty;
        Append($"<rect x=\"{N(pixelLeft)}\" y=\"{N(top)}\" width=\"{N(pixelWidth)}\" height=\"{N(Y(_y0) - top)}\" fill=\"{colour}\"{fill}/>");
    }

    /// <summary>A horizontal reference line at data y across the plot, labelled at its right end.</summary>
    public void HorizontalLine(double y, string colour, string label)
    {
        Append($"<line x1=\"{Left}\" y1=\"{N(Y(y))}\" x2=\"{Left + PlotWidth}\" y2=\"{N(Y(y))}\" stroke=\"{colour}\" stroke-width=\"3\" stroke-dasharray=\"10 4\"/>");
        _legend.Add((label, colour, "line"));
    }

    /// <summary>Adds a legend entry: style "line", "dashed" or "box".</summary>
    public void LegendEntry(string label, string colour, string style) => _legend.Add((label, colour, style));

    /// <summary>The finished &lt;svg&gt; element.</summary>
    public string ToSvg()
    {
        var x = Left + PlotWidth + 16;
        for (var i = 0; i < _legend.Count; i++)
        {
            var (label, colour, style) = _legend[i];
            var y = Top + 8 + (i * 20);
            Append(style == "box"
                ? $"<rect x=\"{N(x)}\" y=\"{y - 6}\" width=\"22\" height=\"12\" fill=\"{colour}\"/>"
                : $"<line x1=\"{N(x)}\" y1=\"{y}\" x2=\"{N(x + 22)}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"3\"{(style == "dashed" ? " stroke-dasharray=\"6 3\"" : string.Empty)}/>");
            Append($"<text x=\"{N(x + 28)}\" y=\"{y + 4}\" font-size=\"12\">{Escape(label)}</text>");
        }

        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" shape-rendering=\"crispEdges\" font-family=\"sans-serif\">{_svg}</svg>";
    }

    /// <summary>About five round tick values covering [low, high].</summary>
    public static IEnumerable<double> Ticks(double low, double high)
    {
        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = (raw / magnitude) switch { < 1.5 => 1.0, < 3 => 2.0, < 7 => 5.0, _ => 10.0 };
        var step = nice * magnitude;
        for (var t = Math.Ceiling(low / step) * step; t <= high + (step * 1e-9); t += step)
        {
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private void Append(string element) => _svg.Append(element).Append('\n');
}
