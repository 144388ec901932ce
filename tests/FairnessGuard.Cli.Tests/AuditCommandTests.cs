using System.Globalization;
using System.Text.Json;
using FairnessGuard.Metrics;
using FairnessGuard.TestKit;

namespace FairnessGuard.Cli.Tests;

public sealed class AuditCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void GroupsFromOneDistributionPassWithExitCodeZero()
    {
        var file = PredictionFiles.Write(_folder, "same.csv", 2000, shift: 0, seed: 1);
        var result = CliHarness.Run("audit", file, "--group", "group", "--score", "score");
        Assert.Equal(0, result.Code);
        Assert.Contains("PASS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AGapWhoseLowerBoundExceedsToleranceExitsOne()
    {
        var file = PredictionFiles.Write(_folder, "shifted.csv", 2000, shift: 1, seed: 2);
        var result = CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--tolerance", "0.1");
        Assert.Equal(1, result.Code);
        Assert.Contains("VIOLATION", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ASmallSampleGapAboveToleranceIsNoViolationWhileItsBoundIsBelow()
    {
        var file = PredictionFiles.Write(_folder, "small.csv", 15, shift: 0.5, seed: 3);
        var result = CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--format", "json");
        using var json = JsonDocument.Parse(result.Output);
        var ks = json.RootElement.GetProperty("ksUnfairness").GetDouble();
        var bound = json.RootElement.GetProperty("ksLowerBound").GetDouble();
        Assert.True(ks > 0.05, $"the point estimate {ks} should be above the tolerance for this test to mean anything");
        Assert.Equal(DkwBound.KsLowerBound(ks, 15, 15, 0.95, 2), bound, 6);
        Assert.Equal(0, result.Code);
    }

    [Fact]
    public void JsonNumbersEqualTheRuntimeAuditOfTheSameValues()
    {
        var file = PredictionFiles.Write(_folder, "json.csv", 300, shift: 0.4, seed: 4);
        var result = CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--threshold", "0.2", "--format", "json");
        var (scores, groups) = ReadColumns(file);
        var expected = FairnessAudit.Evaluate<string>(scores, groups, new FairnessAuditOptions { Threshold = 0.2 });

        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(expected.KsUnfairness, root.GetProperty("ksUnfairness").GetDouble(), 6);
        Assert.Equal(expected.KsLowerBound, root.GetProperty("ksLowerBound").GetDouble(), 6);
        Assert.Equal(expected.DpRatio!.Value, root.GetProperty("dpRatio").GetDouble(), 6);
        var groupsJson = root.GetProperty("groups").EnumerateArray().ToArray();
        for (var g = 0; g < expected.Groups.Count; g++)
        {
            Assert.Equal(expected.Groups[g].Group, groupsJson[g].GetProperty("group").GetString());
            Assert.Equal(expected.Groups[g].Mean, groupsJson[g].GetProperty("mean").GetDouble(), 6);
            Assert.Equal(expected.Groups[g].SelectionRate!.Value, groupsJson[g].GetProperty("selectionRate").GetDouble(), 6);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public void OutputFormatMatchesSnapshot(string format)
    {
        var file = PredictionFiles.Write(_folder, "snapshot.csv", 200, shift: 0.6, seed: 5);
        var result = CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--label", "label", "--threshold", "0.5", "--format", format);
        Assert.Equal(1, result.Code);
        Snapshot.Match(result.Output, format);
    }

    [Fact]
    public void LabelsGiveAccuracyWithAThresholdAndMseWithout()
    {
        (string Group, double Score, int Label)[] rows =
            [("a", 0.9, 1), ("a", 0.8, 0), ("a", 0.2, 0), ("a", 0.1, 1), ("b", 0.7, 1), ("b", 0.6, 1), ("b", 0.3, 0), ("b", 0.4, 1)];
        var file = _folder.Write("labels.csv", "group,score,label\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Group},{r.Score},{r.Label}\n"))));

        using var accuracy = JsonDocument.Parse(CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--label", "label", "--threshold", "0.5", "--format", "json").Output);
        foreach (var (g, element) in new[] { "a", "b" }.Zip(accuracy.RootElement.GetProperty("groups").EnumerateArray()))
        {
            var mine = rows.Where(r => r.Group == g).ToArray();
            var expected = mine.Count(r => (r.Score >= 0.5 ? 1 : 0) == r.Label) / (double)mine.Length;
            Assert.Equal(expected, element.GetProperty("accuracy").GetDouble(), 6);
        }

        using var mse = JsonDocument.Parse(CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--label", "label", "--format", "json").Output);
        var overall = rows.Average(r => (r.Score - r.Label) * (r.Score - r.Label));
        Assert.Equal("mse", mse.RootElement.GetProperty("labels").GetProperty("kind").GetString());
        Assert.Equal(overall, mse.RootElement.GetProperty("labels").GetProperty("overall").GetDouble(), 6);
    }

    [Fact]
    public void SeveralGroupColumnsAuditTheIntersection()
    {
        var file = _folder.Write("two.csv", "sex,race,score\nf,x,1\nf,y,2\nm,x,3\nm,y,4\nf,x,1.5\n");
        var result = CliHarness.Run("audit", file, "--group", "sex", "--group", "race", "--score", "score", "--format", "json");
        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()!).ToArray();
        Assert.Equal(new[] { "f/x", "f/y", "m/x", "m/y" }, names);
    }

    [Fact]
    public void MissingGroupsAreLeftOutAndMissingScoresCounted()
    {
        var file = _folder.Write("missing.csv", "g,s\na,1\nNA,2\nb,?\nb,3\n,4\na,NA\nb,\n");
        using var json = JsonDocument.Parse(CliHarness.Run("audit", file, "--group", "g", "--score", "s", "--format", "json").Output);
        Assert.Equal(2, json.RootElement.GetProperty("rowsWithoutGroup").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("nonFiniteScores").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("rows").GetInt32());
    }

    public void Dispose() => _folder.Dispose();

    internal static (double[] Scores, string[] Groups) ReadColumns(string file, string scoreColumn = "score", string groupColumn = "group")
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var scores = new List<double>();
        var groups = new List<string>();
        while (csv.Read())
        {
            scores.Add(csv.GetField<double>(scoreColumn));
            groups.Add(csv.GetField(groupColumn)!);
        }

        return ([.. scores], [.. groups]);
    }
}
