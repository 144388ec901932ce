using System.Globalization;
using System.Text;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// <c>correct --mode batch</c> without a calibration file holds the records and parses once; with the same file as
/// <c>--calibration</c> it streams (two parses, row-by-row map). Both must write the same bytes and the same summary.
/// </summary>
public sealed class InSampleCorrectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("\n", ",", "1")]
    [InlineData("\r\n", ";", "0.5")]
    public void HeldRecordsWriteWhatStreamingWrites(string newLine, string delimiter, string strength)
    {
        // Over 16,384 rows per chunk and several chunks; ties, missing groups and scores, a quoted score,
        // a quoted field with a line break inside, non-ASCII text.
        var random = new Random(9);
        var text = new StringBuilder($"id{delimiter}group{delimiter}note{delimiter}score{newLine}");
        for (var i = 0; i < 70_000; i++)
        {
            var group = i % 401 == 0 ? "" : "abc"[random.Next(3)].ToString();
            var score = (i % 7) switch
            {
                _ when i % 397 == 0 => "NA",
                _ when i % 389 == 0 => "\"\"",
                0 => "\"" + Math.Round(random.NextDouble(), 2).ToString(CultureInfo.InvariantCulture) + "\"",
                _ => Math.Round(random.NextDouble() + (0.1 * (group.Length == 0 ? 0 : group[0] - 'a')), 4).ToString(CultureInfo.InvariantCulture),
            };
            var note = i % 1000 == 0 ? $"\"line one{newLine}line {delimiter} two, é\"" : $"n{i}";
            text.Append(CultureInfo.InvariantCulture, $"{i}{delimiter}{group}{delimiter}{note}{delimiter}{score}{newLine}");
        }

        var input = _folder.File("in.csv");
        File.WriteAllText(input, text.ToString());
        AssertSameAsStreaming(input, "--strength", strength);
    }

    [Fact]
    public void ARecordTooLongToHoldIsStreamed()
    {
        var long1 = new string('z', (1 << 20) + 10);
        var input = _folder.Write("long.csv", $"g,note,s\na,x,0.1\nb,{long1},0.2\na,y,0.3\nb,w,0.4\na,v,0.3\n");
        AssertSameAsStreaming(input);
    }

    [Fact]
    public void AFileWithoutRowsFailsAsStreamingDoes()
    {
        var input = _folder.Write("empty.csv", "g,s\n");
        var output = _folder.File("out.csv");
        var held = CliHarness.Run("correct", input, "--group", "g", "--score", "s", "--output", output);
        var streamed = CliHarness.Run("correct", input, "--group", "g", "--score", "s", "--output", output, "--calibration", input);
        Assert.Equal(streamed.Code, held.Code);
        Assert.NotEqual(0, held.Code);
        Assert.False(File.Exists(output));
    }

    public void Dispose() => _folder.Dispose();

    private void AssertSameAsStreaming(string input, params string[] options)
    {
        var (held, streamed) = (_folder.File("held.csv"), _folder.File("streamed.csv"));
        var common = new[] { "--group", "g", "--score", "s", "--seed", "5" };
        if (File.ReadLines(input).First().Contains("group", StringComparison.Ordinal))
        {
            common = ["--group", "group", "--score", "score", "--seed", "5"];
        }

        var a = CliHarness.Run(["correct", input, .. common, .. options, "--output", held]);
        var b = CliHarness.Run(["correct", input, .. common, .. options, "--output", streamed, "--calibration", input]);
        Assert.Equal(0, a.Code);
        Assert.Equal(0, b.Code);
        Assert.Equal(b.Output, a.Output.Replace(held, streamed, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(streamed), File.ReadAllBytes(held));
    }
}
