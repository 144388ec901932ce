using System.Globalization;
using System.Text.Json;

namespace FairnessGuard.Cli.Tests;

/// <summary>End to end on CPS 2008 (samples/data/cpssw8.csv, 61,395 rows): hourly earnings by gender.</summary>
public sealed class RealDataTests : IDisposable
{
    private static readonly string Cps = Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");
    private readonly TempFolder _folder = new();

    [Fact]
    public void TheEarningsGapIsAViolationAndTheCorrectedColumnIsWithinTolerance()
    {
        var before = CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--threshold", "20", "--format", "json");
        Assert.Equal(1, before.Code);
        using var raw = JsonDocument.Parse(before.Output);
        Assert.True(raw.RootElement.GetProperty("failsFourFifths").GetBoolean());
        var means = raw.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("mean").GetDouble());
        Assert.True(means["male"] > means["female"]);

        var output = _folder.File("fair.csv");
        var correct = CliHarness.Run("correct", Cps, "--group", "gender", "--score", "earnings", "--output", output);
        Assert.Equal(0, correct.Code);
        Assert.Contains("61,395 rows, 61,395 corrected, of which ", correct.Output, StringComparison.Ordinal);

        var after = CliHarness.Run("audit", output, "--group", "gender", "--score", "earnings_fair", "--threshold", "20", "--format", "json");
        Assert.Equal(0, after.Code);
        using var fair = JsonDocument.Parse(after.Output);
        Assert.Equal(0, fair.RootElement.GetProperty("ksLowerBound").GetDouble());
        Assert.False(fair.RootElement.GetProperty("failsFourFifths").GetBoolean());
        Assert.True(fair.RootElement.GetProperty("ksUnfairness").GetDouble() < raw.RootElement.GetProperty("ksUnfairness").GetDouble() / 10,
            string.Create(CultureInfo.InvariantCulture, $"KS after {fair.RootElement.GetProperty("ksUnfairness").GetDouble()}"));
    }

    public void Dispose() => _folder.Dispose();
}
