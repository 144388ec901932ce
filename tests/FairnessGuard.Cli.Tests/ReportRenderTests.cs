using System.Diagnostics;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian's <c>chromium</c>, installed by tests/test.sh) and
/// checks the screenshot: each group's colour is drawn in three separate bands (CDF, histogram and
/// selection-rate charts), and the four-fifths line is drawn inside the selection-rate chart.
/// </summary>
public sealed class ReportRenderTests : IDisposable
{
    private static readonly (byte R, byte G, byte B) GroupA = (0x1f, 0x77, 0xb4);
    private static readonly (byte R, byte G, byte B) GroupB = (0xd6, 0x27, 0x28);
    private static readonly (byte R, byte G, byte B) FourFifths = (0xf0, 0xb4, 0x00);
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("exact")]
    [InlineData("sketch")]
    public void ReportIsSelfContainedAndChromiumDrawsEveryChart(string method)
    {
        var input = PredictionFiles.Write(_folder, "preds.csv", 1000, shift: 1, seed: 31);
        var report = _folder.File("report.html");
        string[] sketch = method == "sketch" ? ["--sketch", "64"] : [];
        var result = CliHarness.Run(["audit", input, "--group", "group", "--score", "score", "--threshold", "0.5", "--report", report, .. sketch]);
        Assert.Equal(1, result.Code);

        var html = File.ReadAllText(report);
        Assert.Equal(3, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(method == "exact", html.Contains("corrected (dashed)", StringComparison.Ordinal));

        var png = Render(report);
        var a = Bands(png, GroupA);
        var b = Bands(png, GroupB);
        Assert.True(a.Count >= 3, $"group a's colour is in {a.Count} bands: {string.Join(", ", a)}");
        Assert.True(b.Count >= 3, $"group b's colour is in {b.Count} bands: {string.Join(", ", b)}");
        Assert.True(Count(png, GroupA) > 2000 && Count(png, GroupB) > 2000, "too few series pixels");

        // The line crosses the bars (the groups' third bands); its legend swatch sits above them, below the histograms.
        var line = Bands(png, FourFifths);
        var bars = (Start: Math.Min(a[2].Start, b[2].Start), End: Math.Max(a[2].End, b[2].End));
        Assert.Contains(line, band => band.Start >= bars.Start && band.End <= bars.End);
        Assert.All(line, band => Assert.True(band.Start > a[1].End && band.End <= bars.End, $"four-fifths colour at {band}; histogram ends at {a[1].End}, bars at {bars}"));
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

    /// <summary>Vertical runs of rows that contain the colour, merged across gaps under 24 rows.</summary>
    private static List<(int Start, int End)> Bands(PngImage png, (byte, byte, byte) colour)
    {
        var bands = new List<(int Start, int End)>();
        for (var y = 0; y < png.Height; y++)
        {
            var hits = 0;
            for (var x = 0; x < png.Width; x++)
            {
                hits += Near(png[x, y], colour) ? 1 : 0;
            }

            if (hits == 0)
            {
                continue;
            }

            if (bands.Count > 0 && y - bands[^1].End < 24)
            {
                bands[^1] = (bands[^1].Start, y);
            }
            else
            {
                bands.Add((y, y));
            }
        }

        return bands;
    }

    private PngImage Render(string html)
    {
        var png = _folder.File("report.png");
        var start = new ProcessStartInfo(FindChromium()) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={_folder.File("profile")}",
            $"--screenshot={png}", "--window-size=1200,2400", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(90_000), "Chromium did not finish in 90 s");
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
        return PngImage.Load(png);
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
