using System.Globalization;
using System.Text.Json;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Tests;

/// <summary>Issue 16 items 1, 2 and 8 (small items) on real data: CPS 2008 earnings (samples/data/cpssw8.csv).</summary>
public sealed class EvidenceAndDirectionTests : IDisposable
{
    private static readonly string Cps = Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");
    private readonly TempFolder _folder = new();

    [Fact]
    public void TheMinimumGroupSizeIsWhereTheDkwBandCanFirstShowAViolation()
    {
        // ε(n) = √(ln(2k/δ)/2n) must be below 1 − tolerance, else even KS = 1 leaves a lower bound ≤ tolerance.
        foreach (var (tolerance, confidence, groups) in new[] { (0.05, 0.95, 2), (0.2, 0.99, 8), (0.0, 0.5, 30) })
        {
            var n = EvidenceRule.MinimumGroupSize(tolerance, confidence, groups);
            var delta = (1 - confidence) / groups;
            Assert.True(DkwBound.Epsilon(n, delta) < 1 - tolerance);
            Assert.True(DkwBound.Epsilon(n - 1, delta) >= 1 - tolerance);
            Assert.True(DkwBound.KsLowerBound(1, n - 1, long.MaxValue / 2, confidence, groups) <= tolerance + 1e-9);
        }
    }

    [Fact]
    public void ATinySliceOfRealDataIsInsufficientEvidenceNotAPass()
    {
        // The first 5 CPS rows: 3 men and 2 women; 2 rows can never show a gap at tolerance 0.05 (minimum 3), so there is no verdict.
        var lines = File.ReadLines(Cps).Take(6).ToArray();
        var tiny = _folder.Write("tiny.csv", string.Join('\n', lines) + "\n");
        var result = CliHarness.Run("audit", tiny, "--group", "gender", "--score", "earnings", "--format", "json");
        Assert.Equal(3, result.Code);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("insufficient evidence", json.RootElement.GetProperty("verdict").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("insufficientGroups").EnumerateArray());

        var text = CliHarness.Run("audit", tiny, "--group", "gender", "--score", "earnings");
        Assert.Contains("INSUFFICIENT EVIDENCE", text.Output, StringComparison.Ordinal);
        Assert.Contains("insufficient evidence: ", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupedByAnIdEveryGroupIsListedAsInsufficientAndTheExitCodeSaysSo()
    {
        var ids = new System.Text.StringBuilder("id,earnings\n");
        foreach (var (line, i) in File.ReadLines(Cps).Skip(1).Take(1190).Select((l, i) => (l, i)))
        {
            ids.Append(CultureInfo.InvariantCulture, $"{i},{line.Split(',')[0]}\n");
        }

        var file = _folder.Write("ids.csv", ids.ToString());
        var result = CliHarness.Run("audit", file, "--group", "id", "--score", "earnings", "--format", "json");
        Assert.Equal(3, result.Code);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1190, json.RootElement.GetProperty("insufficientGroups").GetArrayLength());
    }

    [Fact]
    public void AuditAndCorrectAgreeThatOneGroupIsNotEnough()
    {
        var lines = File.ReadLines(Cps).Take(3).ToArray();
        var one = _folder.Write("one.csv", string.Join('\n', lines) + "\n");
        var audit = CliHarness.Run("audit", one, "--group", "gender", "--score", "earnings");
        var correct = CliHarness.Run("correct", one, "--group", "gender", "--score", "earnings", "--output", _folder.File("o.csv"));
        Assert.Equal(2, audit.Code);
        Assert.Equal(2, correct.Code);
        Assert.Contains("at least 2 groups with a finite score are needed", audit.Error, StringComparison.Ordinal);
        Assert.Contains("at least 2 groups with a finite score are needed", correct.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FavorableLowCountsTheScoresBelowTheThreshold()
    {
        // Read as a "low is favourable" score, the selection rates are the shares under $20/h: women have the higher rate.
        var high = Json(CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--threshold", "20", "--format", "json"));
        var low = Json(CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--threshold", "20", "--favorable", "low", "--format", "json"));
        Assert.Equal("low", low.GetProperty("favorable").GetString());
        var rateHigh = Rates(high);
        var rateLow = Rates(low);
        foreach (var group in rateHigh.Keys)
        {
            Assert.Equal(1 - rateHigh[group], rateLow[group], 6);
        }

        Assert.True(rateLow["female"] > rateLow["male"]);
        Assert.Equal(Math.Round(rateLow["male"] / rateLow["female"], 6), low.GetProperty("dpRatio").GetDouble(), 5);
        Assert.Equal(Math.Round(rateHigh["female"] / rateHigh["male"], 6), high.GetProperty("dpRatio").GetDouble(), 5);

        var sketched = Json(CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--threshold", "20", "--favorable", "low", "--sketch", "2000", "--format", "json"));
        Assert.Equal(low.GetProperty("dpRatio").GetDouble(), sketched.GetProperty("dpRatio").GetDouble(), 6);

        // The library gives the same rates.
        var rows = File.ReadLines(Cps).Skip(1).Select(l => l.Split(',')).ToArray();
        var report = FairnessAudit.Evaluate(
            rows.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(r => r[1].Trim('"')).ToArray(),
            new FairnessAuditOptions { Threshold = 20, Favorable = FavorableOutcome.Low });
        Assert.Equal(rateLow["female"], report.Groups.Single(g => g.Group == "female").SelectionRate!.Value, 6);
    }

    [Fact]
    public void SmallItemsDuplicateHeaderCaseInsensitiveNamesDecimalCommaAndMissingReportFolder()
    {
        var duplicate = _folder.Write("dup.csv", "g,s,s\na,1,2\n");
        var dup = CliHarness.Run("audit", duplicate, "--group", "g", "--score", "s");
        Assert.Equal(2, dup.Code);
        Assert.Contains("names column 's' more than once", dup.Error, StringComparison.Ordinal);

        var misspelt = CliHarness.Run("audit", Cps, "--group", "gendr", "--score", "earnings");
        Assert.Equal(2, misspelt.Code);
        Assert.Contains("did you mean 'gender'?", misspelt.Error, StringComparison.Ordinal);

        var report = Path.Combine(_folder.Root, "new", "folder", "parity.html");
        var folded = CliHarness.Run("audit", Cps, "--group", "GENDER", "--score", "Earnings", "--report", report);
        Assert.Equal(1, folded.Code);
        Assert.True(File.Exists(report));

        var comma = _folder.Write("comma.csv", "g;s\na;0,25\nb;0,75\na;1,5\nb;2\n");
        var parsed = Json(CliHarness.Run("audit", comma, "--group", "g", "--score", "s", "--decimal-comma", "--min-group-size", "1", "--format", "json"));
        var means = parsed.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("mean").GetDouble());
        Assert.Equal(0.875, means["a"], 9);
        Assert.Equal(1.375, means["b"], 9);
        Assert.Equal(2, CliHarness.Run("audit", comma, "--group", "g", "--score", "s").Code);
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.Code is 0 or 1, result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        return doc.RootElement.Clone();
    }

    private static Dictionary<string, double> Rates(JsonElement root) =>
        root.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("selectionRate").GetDouble());

    public void Dispose() => _folder.Dispose();
}
