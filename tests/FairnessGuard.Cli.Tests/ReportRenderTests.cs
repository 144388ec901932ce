using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian's <c>chromium</c>, installed by tests/test.sh) at 2, 8
/// and 32 groups and checks both the markup (one CDF panel and one selection-rate row per group, every label
/// inside its chart, no scripts or links) and the screenshot (produced, not blank, each of the first groups'
/// colours drawn, the four-fifths line drawn). Set FAIRNESSGUARD_KEEP_PNG to a folder to keep the screenshots.
/// </summary>
public sealed partial class ReportRenderTests : IDisposable
{
    private static readonly (byte R, byte G, byte B) GroupA = (0x1f, 0x77, 0xb4);
    private static readonly (byte R, byte G, byte B) GroupB = (0xd6, 0x27, 0x28);
    private static readonly (byte R, byte G, byte B) FourFifths = (0xf0, 0xb4, 0x00);
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(2, "exact")]
    [InlineData(8, "sketch")]
    [InlineData(32, "exact")]
    public void ReportReadsAtTwoEightAndThirtyTwoGroups(int groups, string method)
    {
        var input = ManyGroups(groups, rowsPerGroup: 300, seed: 31 + groups);
        var report = _folder.File("report.html");
        string[] sketch = method == "sketch" ? ["--sketch", "64"] : [];
        var result = CliHarness.Run(["audit", input, "--group", "group", "--score", "score", "--threshold", "0.5", "--report", report, .. sketch]);
        Assert.Equal(1, result.Code);

        var html = File.ReadAllText(report);
        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Equal(groups, html.Split("class=\"panel\"").Length - 1);
        Assert.Equal(groups, html.Split("class=\"rate\"").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(method == "exact", html.Contains("corrected (dashed)", StringComparison.Ordinal));
        Assert.Contains("% Wilson interval", html, StringComparison.Ordinal);
        foreach (Match svg in SvgElement().Matches(html))
        {
            var (width, height) = (double.Parse(svg.Groups["w"].Value, CultureInfo.InvariantCulture), double.Parse(svg.Groups["h"].Value, CultureInfo.InvariantCulture));
            foreach (Match text in TextElement().Matches(svg.Value))
            {
                var attributes = text.Groups["attrs"].Value;
                var (x, y) = (Attribute(attributes, "x"), Attribute(attributes, "y"));
                var length = 6.5 * WebUtility.HtmlDecode(text.Groups["t"].Value).Length; // ≤ 6.5 px a character at 11-12 px sans-serif
                var anchor = attributes.Contains("text-anchor=\"end\"", StringComparison.Ordinal) ? "end" : attributes.Contains("text-anchor=\"middle\"", StringComparison.Ordinal) ? "middle" : "start";
                var (left, right) = anchor switch { "end" => (x - length, x), "middle" => (x - (length / 2), x + (length / 2)), _ => (x, x + length) };
                Assert.True(left >= 0 && right <= width + 1 && y > 0 && y <= height, $"text '{text.Groups["t"].Value}' at ({x}, {y}) leaves its {width}×{height} chart");
            }
        }

        var png = Render(report, 1100, 1400 + (groups * 60));
        KeepPng(png.Path, groups, method);
        var image = png.Image;
        var ink = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                ink += image[x, y] is (< 200, _, _) or (_, < 200, _) or (_, _, < 200) ? 1 : 0;
            }
        }

        Assert.True(ink > 20_000, $"the screenshot is (nearly) blank: {ink} inked pixels");
        Assert.True(Count(image, GroupA) > 300 * Math.Min(groups, 8) / 8, "group a's colour is not drawn");
        Assert.True(Count(image, GroupB) > 300 * Math.Min(groups, 8) / 8, "group b's colour is not drawn");
        Assert.True(Count(image, FourFifths) > 50, "the four-fifths line is not drawn");
    }

    /// <summary>Groups g00, g01, … with scores N(0.35 + 0.3·g/(G − 1), 0.15²): a gap that grows with the group number.</summary>
    private string ManyGroups(int groups, int rowsPerGroup, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("group,score\n");
        for (var i = 0; i < groups * rowsPerGroup; i++)
        {
            var g = i % groups;
            text.Append(CultureInfo.InvariantCulture, $"g{g:00},{0.35 + (0.3 * g / (groups - 1)) + (0.15 * PredictionFiles.Normal(random)):R}\n");
        }

        return _folder.Write($"groups{groups}.csv", text.ToString());
    }

    private static void KeepPng(string png, int groups, string method)
    {
        if (Environment.GetEnvironmentVariable("FAIRNESSGUARD_KEEP_PNG") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(png, Path.Combine(folder, $"report-{groups}-{method}.png"), overwrite: true);
        }
    }

    [GeneratedRegex("<svg [^>]*width=\"(?<w>[0-9.]+)\" height=\"(?<h>[0-9.]+)\"[^>]*>.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("<text (?<attrs>[^>]*)>(?<t>[^<]*)</text>")]
    private static partial Regex TextElement();

    private static double Attribute(string attributes, string name)
    {
        var start = attributes.IndexOf($" {name}=\"", StringComparison.Ordinal) is var i and >= 0 ? i + name.Length + 3 : attributes.StartsWith($"{name}=\"", StringComparison.Ordinal) ? name.Length + 2 : -1;
        Assert.True(start >= 0, $"no {name} in <text {attributes}>");
        return double.Parse(attributes.AsSpan(start, attributes.IndexOf('"', start) - start), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _folder.Dispose();

    private static bool Near((byte R, byte G, byte B) p, (byte R, byte G, byte B) c) =>
        Math.Abs(p.R - c.R) <= 3 && Math.Abs(p.G - c.G) <= 3 && Math.Abs(p.B - c.B) <= 3;

    private static int Count(PngImage png, (byte, byte, byte) colour)
    {
        var n = 0;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                n += Near(png[x, y], colour) ? 1 : 0;
            }
        }

        return n;
    }

    private (string Path, PngImage Image) Render(string html, int width, int height)
    {
        var png = _folder.File("report.png");
        var start = new ProcessStartInfo(FindChromium()) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={_folder.File("profile")}",
            $"--screenshot={png}", $"--window-size={width},{height}", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(90_000), "Chromium did not finish in 90 s");
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
        return (png, PngImage.Load(png));
    }

    private static string FindChromium()
    {
        foreach (var name in new[] { Environment.GetEnvironmentVariable("FAIRNESSGUARD_CHROMIUM"), "chromium", "chromium-browser", "google-chrome" })
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (Path.IsPathRooted(name) && File.Exists(name))
            {
                return name;
            }

            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Chromium is not installed: run 'bash tests/test.sh' (it installs Debian's chromium) or set FAIRNESSGUARD_CHROMIUM.");
    }
}
