using System.Globalization;
using CsvHelper;
using FairnessGuard.Correction;
using FairnessGuard.Guard;

namespace FairnessGuard.Cli.Tests;

public sealed class CorrectCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void BatchKeepsEveryColumnAndAddsTheExactMapsScore()
    {
        var input = PredictionFiles.Write(_folder, "in.csv", 500, shift: 0.8, seed: 11);
        var output = _folder.File("out.csv");
        var result = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--mode", "batch", "--seed", "7");
        Assert.Equal(0, result.Code);

        var (scores, groups) = AuditCommandTests.ReadColumns(input);
        var corrector = ExactBarycenterCorrector<string>.Fit(scores, groups, new BarycenterOptions { Seed = 7 });
        var (inHeader, inRows) = ReadAll(input);
        var (outHeader, outRows) = ReadAll(output);
        Assert.Equal([.. inHeader, "score_fair"], outHeader);
        Assert.Equal(inRows.Count, outRows.Count);
        for (var i = 0; i < inRows.Count; i++)
        {
            Assert.Equal(inRows[i], outRows[i][..^1]);
            Assert.Equal(corrector.Apply(scores[i], groups[i], i), double.Parse(outRows[i][^1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void InSampleBatchCorrectedAtOnceEqualsTheRowByRowMap()
    {
        // 20,000 rows (a batch large enough to be corrected in order of value), scores with 3 decimals (ties):
        // the in-sample run corrects all rows as one batch, the run with a copy as --calibration row by row.
        var random = new Random(5);
        var lines = new List<string> { "id,group,score" };
        for (var i = 0; i < 20_000; i++)
        {
            var g = random.Next(3);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i},{"abc"[g]},{Math.Round(random.NextDouble() + (0.2 * g), 3)}"));
        }

        var input = _folder.File("ties.csv");
        var copy = _folder.File("ties-copy.csv");
        File.WriteAllLines(input, lines);
        File.Copy(input, copy);
        var (inSample, rowByRow) = (_folder.File("in-sample.csv"), _folder.File("row-by-row.csv"));
        Assert.Equal(0, CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", inSample, "--seed", "3").Code);
        Assert.Equal(0, CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", rowByRow, "--seed", "3", "--calibration", copy).Code);
        Assert.Equal(File.ReadAllBytes(rowByRow), File.ReadAllBytes(inSample));
    }

    [Fact]
    public void BatchFitsOnTheCalibrationFileWhenGiven()
    {
        var calibration = PredictionFiles.Write(_folder, "calibration.csv", 400, shift: 0.8, seed: 12);
        var input = PredictionFiles.Write(_folder, "in.csv", 50, shift: 0.8, seed: 13);
        var output = _folder.File("out.csv");
        Assert.Equal(0, CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--calibration", calibration, "--strength", "0.5").Code);

        var (calScores, calGroups) = AuditCommandTests.ReadColumns(calibration);
        var corrector = ExactBarycenterCorrector<string>.Fit(calScores, calGroups, new BarycenterOptions { Seed = 42, Strength = 0.5 });
        var (scores, groups) = AuditCommandTests.ReadColumns(input);
        var (fair, _) = AuditCommandTests.ReadColumns(output, "score_fair");
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(corrector.Apply(scores[i], groups[i], i), fair[i]);
        }
    }

    [Fact]
    public void OnlineReplaysTheRowsThroughParityGuardInFileOrder()
    {
        var input = PredictionFiles.Write(_folder, "in.csv", 1500, shift: 0.8, seed: 14);
        var output = _folder.File("out.csv");
        var run = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--mode", "online", "--seed", "9");
        Assert.Equal(0, run.Code);

        using var guard = new ParityGuard<string>(new ParityGuardOptions
        {
            PolicyName = "fairness-guard-cli", BackgroundRebuild = false, RebuildInterval = null, Seed = 9, WarmUp = 200,
            RebuildEvery = FairnessGuard.Cli.Correction.OnlineRowCorrector.ReplayRebuildEvery,
        });
        var (scores, groups) = AuditCommandTests.ReadColumns(input);
        var (fair, _) = AuditCommandTests.ReadColumns(output, "score_fair");
        var corrected = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var expected = guard.Apply(scores[i], groups[i]);
            Assert.Equal(expected, fair[i]);
            corrected += expected != scores[i] ? 1 : 0;
        }

        Assert.True(corrected > scores.Length / 2, $"only {corrected} of {scores.Length} rows were changed");

        // The summary counts the outputs that actually changed (issue 11: it once said 2,083 corrected for 17 changed).
        Assert.Contains($"{scores.Length.ToString("N0", CultureInfo.InvariantCulture)} corrected, of which {corrected.ToString("N0", CultureInfo.InvariantCulture)} changed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlineAndBatchBothTakeAViolatingFileWithinTolerance()
    {
        var input = PredictionFiles.Write(_folder, "in.csv", 4000, shift: 1, seed: 15);
        Assert.Equal(1, CliHarness.Run("audit", input, "--group", "group", "--score", "score").Code);
        foreach (var mode in new[] { "online", "batch" })
        {
            var output = _folder.File($"{mode}.csv");
            Assert.Equal(0, CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--mode", mode).Code);
            var audit = CliHarness.Run("audit", output, "--group", "group", "--score", "score_fair");
            Assert.True(audit.Code == 0, $"{mode}: {audit.Output}");
        }
    }

    [Fact]
    public void StrengthZeroLeavesScoresUnchanged()
    {
        var input = PredictionFiles.Write(_folder, "in.csv", 100, shift: 1, seed: 16);
        var output = _folder.File("out.csv");
        Assert.Equal(0, CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--strength", "0").Code);
        Assert.Equal(AuditCommandTests.ReadColumns(input).Scores, AuditCommandTests.ReadColumns(output, "score_fair").Scores);
    }

    [Fact]
    public void MissingScoresAndGroupsPassThroughAsReadAndAreCounted()
    {
        var input = _folder.Write("in.csv", "g;s;x\na;1;p\nb;NA;q\n?;2;r\na;3;s\nb;4;t\nb;;u\n");
        var output = _folder.File("out.csv");
        var result = CliHarness.Run("correct", input, "--group", "g", "--score", "s", "--output", output);
        Assert.Equal(0, result.Code);
        Assert.Contains("2 missing scores, 1 missing groups", result.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("g;s;x;s_fair", lines[0]);
        Assert.Equal("b;NA;q;NA", lines[2]);
        Assert.Equal("?;2;r;2", lines[3]);
        Assert.Equal("b;;u;", lines[6]);
    }

    [Fact]
    public void AnUnknownGroupInBatchExitsTwoNamingLineAndColumnAndKeepsTheOldOutput()
    {
        var calibration = _folder.Write("cal.csv", "score,group\n1,a\n2,b\n3,a\n4,b\n");
        var input = _folder.Write("in.csv", "score,group\n1,a\n2,b\n3,c\n");
        var output = _folder.Write("out.csv", "previous content\n");
        var result = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--calibration", calibration);
        Assert.Equal(2, result.Code);
        Assert.Contains("in.csv:4: column 2 (group): group 'c' is not in the calibration data", result.Error, StringComparison.Ordinal);
        Assert.Equal("previous content\n", File.ReadAllText(output));
        Assert.Equal(3, Directory.GetFiles(_folder.Root, "*", SearchOption.AllDirectories).Length);
    }

    public void Dispose() => _folder.Dispose();

    private static (string[] Header, List<string[]> Rows) ReadAll(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record!);
        }

        return (header, rows);
    }
}
