namespace FairnessGuard.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("g,s\na,1\nb,abc\n", "bad.csv:3: column 2 (s): 'abc' is not a number")]
    [InlineData("g,s\na,1\nb,2,3\n", "bad.csv:3: column 3: the record has 3 fields but the header has 2")]
    [InlineData("g,s\na,1\nb,2\"x\n", "bad.csv:3: column 2: malformed quoting")]
    [InlineData("g,s\na,1\nb,\"2\n", "bad.csv:3: column 2: malformed quoting")]
    [InlineData("g,s\na,1\nb,\"multi\nline\",5\nc,x\n", "bad.csv:3: column 3: the record has 3 fields")]
    [InlineData("", "bad.csv: the file is empty")]
    [InlineData("group,s\na,1\n", "bad.csv:1: no column 'g'; the header has: group, s")]
    public void AuditAndCorrectExitTwoNamingLineAndColumnAndWriteNothing(string content, string message)
    {
        var input = _folder.Write("bad.csv", content);
        var output = _folder.File("out.csv");
        var report = _folder.File("report.html");
        var audit = CliHarness.Run("audit", input, "--group", "g", "--score", "s", "--report", report);
        var correct = CliHarness.Run("correct", input, "--group", "g", "--score", "s", "--output", output);
        Assert.Equal(2, audit.Code);
        Assert.Equal(2, correct.Code);
        Assert.Contains(message, audit.Error, StringComparison.Ordinal);
        Assert.Contains(message, correct.Error, StringComparison.Ordinal);
        Assert.Equal(["bad.csv"], Directory.GetFiles(_folder.Root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("audit", "--score", "s")]
    [InlineData("audit", "--group", "g", "--score", "s", "--confidence", "1.5")]
    [InlineData("audit", "--group", "g", "--score", "s", "--format", "yaml")]
    [InlineData("correct", "--group", "g", "--score", "s")]
    [InlineData("correct", "--group", "g", "--score", "s", "--output", "o.csv", "--mode", "nightly")]
    [InlineData("correct", "--group", "g", "--score", "s", "--output", "o.csv", "--strength", "2")]
    [InlineData("frobnicate")]
    public void BadOptionsExitTwo(params string[] args)
    {
        var input = _folder.Write("ok.csv", "g,s\na,1\nb,2\n");
        var result = CliHarness.Run(args.Length > 1 ? [args[0], input, .. args[1..]] : args);
        Assert.Equal(2, result.Code);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileExitsTwo()
    {
        var result = CliHarness.Run("audit", _folder.File("none.csv"), "--group", "g", "--score", "s");
        Assert.Equal(2, result.Code);
        Assert.Contains("none.csv: cannot open", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrationWithOnlineModeIsRejected()
    {
        var input = _folder.Write("ok.csv", "g,s\na,1\nb,2\n");
        var result = CliHarness.Run("correct", input, "--group", "g", "--score", "s", "--output", _folder.File("o.csv"), "--mode", "online", "--calibration", input);
        Assert.Equal(2, result.Code);
        Assert.False(File.Exists(_folder.File("o.csv")));
    }

    public void Dispose() => _folder.Dispose();
}
