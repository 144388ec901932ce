using System.Globalization;
using System.Text.Json;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Tests;

/// <summary>Issue 16 item 3 on real data: Boston HMDA (samples/data/hmda.csv), a payment-to-income ratio ≥ 0.35 read as "predict denial".</summary>
public sealed class ErrorRateTests
{
    private static readonly string Hmda = Path.Combine(AppContext.BaseDirectory, "data", "hmda.csv");
    private static readonly string Cps = Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");

    [Fact]
    public void ConfusionRatesWilsonIntervalsAndGapsMatchAHandCount()
    {
        var rows = File.ReadLines(Hmda).Skip(1).Select(l => l.Split(',')).Select(f => (Deny: f[0] == "\"yes\"", Pirat: double.Parse(f[1], CultureInfo.InvariantCulture), Afam: f[11].Trim('"'))).ToArray();
        var result = CliHarness.Run("audit", Hmda, "--group", "afam", "--score", "pirat", "--label", "deny", "--threshold", "0.35", "--format", "json");
        Assert.True(result.Code is 0 or 1, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var labels = json.RootElement.GetProperty("labels");
        Assert.Equal("classification", labels.GetProperty("task").GetString());
        Assert.Equal("no", labels.GetProperty("reference").GetString()); // the largest group
        var tpr = new Dictionary<string, double>();
        var fpr = new Dictionary<string, double>();
        foreach (var g in labels.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("group").ValueKind == JsonValueKind.String))
        {
            var name = g.GetProperty("group").GetString()!;
            var mine = rows.Where(r => r.Afam == name).ToArray();
            long tp = mine.Count(r => r.Pirat >= 0.35 && r.Deny), fn = mine.Count(r => r.Pirat < 0.35 && r.Deny);
            long fp = mine.Count(r => r.Pirat >= 0.35 && !r.Deny), tn = mine.Count(r => r.Pirat < 0.35 && !r.Deny);
            Assert.Equal(tp, g.GetProperty("tpr").GetProperty("count").GetInt64());
            Assert.Equal(tp + fn, g.GetProperty("tpr").GetProperty("of").GetInt64());
            Assert.Equal(fp, g.GetProperty("fpr").GetProperty("count").GetInt64());
            Assert.Equal(fp + tn, g.GetProperty("fpr").GetProperty("of").GetInt64());
            Assert.Equal(fn, g.GetProperty("fnr").GetProperty("count").GetInt64());
            Assert.Equal(tp, g.GetProperty("precision").GetProperty("count").GetInt64());
            Assert.Equal(tp + fp, g.GetProperty("precision").GetProperty("of").GetInt64());
            Assert.Equal(tp + tn, g.GetProperty("accuracy").GetProperty("count").GetInt64());

            // Wilson at 95 %: p̂ ± z√(p̂(1−p̂)/n + z²/4n²), centred at (p̂ + z²/2n)/(1 + z²/n).
            const double Z = 1.959963984540054;
            double n = tp + fn, p = tp / n;
            var centre = (p + (Z * Z / (2 * n))) / (1 + (Z * Z / n));
            var half = Z / (1 + (Z * Z / n)) * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n)));
            Assert.Equal(centre - half, g.GetProperty("tpr").GetProperty("low").GetDouble(), 4);
            Assert.Equal(centre + half, g.GetProperty("tpr").GetProperty("high").GetDouble(), 4);
            tpr[name] = p;
            fpr[name] = fp / (double)(fp + tn);
        }

        Assert.Equal(Math.Abs(tpr["yes"] - tpr["no"]), labels.GetProperty("equalOpportunityDifference").GetDouble(), 4);
        Assert.Equal(Math.Max(Math.Abs(tpr["yes"] - tpr["no"]), Math.Abs(fpr["yes"] - fpr["no"])), labels.GetProperty("equalizedOddsDifference").GetDouble(), 4);
        var yes = labels.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("group").GetString() == "yes");
        Assert.Equal(tpr["yes"] - tpr["no"], yes.GetProperty("tprDisparity").GetDouble(), 4);

        // Another reference flips the disparities; an unknown one is refused.
        var other = JsonDocument.Parse(CliHarness.Run("audit", Hmda, "--group", "afam", "--score", "pirat", "--label", "deny", "--threshold", "0.35", "--reference", "yes", "--format", "json").Output);
        var no = other.RootElement.GetProperty("labels").GetProperty("groups").EnumerateArray().First(g => g.GetProperty("group").GetString() == "no");
        Assert.Equal(tpr["no"] - tpr["yes"], no.GetProperty("tprDisparity").GetDouble(), 4);
        var unknown = CliHarness.Run("audit", Hmda, "--group", "afam", "--score", "pirat", "--label", "deny", "--threshold", "0.35", "--reference", "maybe");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("--reference 'maybe' is not a group", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFormatCarriesTheLabelSection()
    {
        var args = new[] { "audit", Hmda, "--group", "afam", "--score", "pirat", "--label", "deny", "--threshold", "0.35" };
        Assert.Contains("equal-opportunity difference", CliHarness.Run(args).Output, StringComparison.Ordinal);
        Assert.Contains("| TPR [95% CI] |", CliHarness.Run([.. args, "--format", "markdown"]).Output, StringComparison.Ordinal);
        using var folder = new TempFolder();
        var report = folder.File("r.html");
        CliHarness.Run([.. args, "--report", report]);
        var html = File.ReadAllText(report);
        Assert.Contains("Error against the label", html, StringComparison.Ordinal);
        Assert.Contains("<th>TPR [95% CI]</th>", html, StringComparison.Ordinal);
        Assert.Contains("How the numbers were computed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionLabelsGiveMseAndMaePerGroup()
    {
        // CPS: score = earnings, label = education years; only the arithmetic is under test.
        var rows = File.ReadLines(Cps).Skip(1).Select(l => l.Split(',')).Select(f => (E: double.Parse(f[0], CultureInfo.InvariantCulture), G: f[1].Trim('"'), Y: double.Parse(f[4], CultureInfo.InvariantCulture))).ToArray();
        var result = CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--label", "education", "--format", "json");
        using var json = JsonDocument.Parse(result.Output);
        var labels = json.RootElement.GetProperty("labels");
        Assert.Equal("regression", labels.GetProperty("task").GetString());
        foreach (var g in labels.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("group").ValueKind == JsonValueKind.String))
        {
            var mine = rows.Where(r => r.G == g.GetProperty("group").GetString()).ToArray();
            Assert.Equal(mine.Average(r => (r.E - r.Y) * (r.E - r.Y)), g.GetProperty("mse").GetDouble(), 4);
            Assert.Equal(mine.Average(r => Math.Abs(r.E - r.Y)), g.GetProperty("mae").GetDouble(), 4);
        }
    }

    [Fact]
    public void WilsonIntervalsCoverAtTheirLevel()
    {
        // Seeded: 2,000 binomial(40, 0.1) draws; a 95 % Wilson interval should miss the truth about 5 % of the time
        // (Wilson's actual coverage at n = 40, p = 0.1 is ≈ 0.95; binomial(2000, 0.05) sd ≈ 1 %, so 2–9 % misses is a 3-sd band).
        var random = new Random(7);
        var misses = 0;
        for (var i = 0; i < 2000; i++)
        {
            var k = Enumerable.Range(0, 40).Count(_ => random.NextDouble() < 0.1);
            var w = WilsonInterval.Compute(k, 40);
            misses += w.Low <= 0.1 && 0.1 <= w.High ? 0 : 1;
        }

        Assert.InRange(misses / 2000.0, 0.02, 0.09);
    }
}
