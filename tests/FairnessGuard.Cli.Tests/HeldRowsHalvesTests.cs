using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// In-sample <c>correct --mode batch</c> reads a large CSV in two halves on two cores and joins them; the bytes and the
/// summary must be those of the streaming path (<c>--calibration</c> the same file: one parse for the fit, one to write).
/// </summary>
public sealed class HeldRowsHalvesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void TwoHalvesWriteWhatStreamingWrites(string newLine)
    {
        // 6 MB (over the 4 MB where a second reader starts), groups seen only in the second half, missing groups and
        // scores on both sides of the middle, quoted fields with line breaks.
        var input = Write("halves.csv", 200_000, newLine, longAt: -1);
        Assert.Equal(1, AssertSameAsStreaming(input));
    }

    [Fact]
    public void ARecordTooLongInTheSecondHalfIsStreamed()
    {
        // The second half drops its part, the first reads on to the record and gives up holding; the streaming path
        // then writes the file (its calibration pass, which holds no records, is the one join counted).
        var input = Write("long.csv", 200_000, "\n", longAt: 150_000);
        Assert.Equal(1, AssertSameAsStreaming(input));
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string name, int rows, string newLine, int longAt)
    {
        var random = new Random(41);
        var text = new StringBuilder($"id,group,note,score{newLine}");
        for (var i = 0; i < rows; i++)
        {
            var group = i % 501 == 0 ? "" : (i > rows / 2 && i % 7 == 0 ? "late" : "abc"[random.Next(3)].ToString());
            var score = i % 499 == 0 ? "NA" : Math.Round(random.NextDouble() + (0.1 * group.Length), 5).ToString(CultureInfo.InvariantCulture);
            var note = i == longAt ? new string('z', (1 << 20) + 10) : (i % 1000 == 0 ? $"\"two{newLine}lines, é\"" : $"note number {i}");
            text.Append(CultureInfo.InvariantCulture, $"{i},{group},{note},{score}{newLine}");
        }

        var path = _folder.File(name);
        File.WriteAllText(path, text.ToString());
        Assert.True(new FileInfo(path).Length > 4 << 20, "the file must be large enough to be read in halves");
        return path;
    }

    // Returns how often the held run joined two halves.
    private int AssertSameAsStreaming(string input)
    {
        var (held, streamed) = (_folder.File("held.csv"), _folder.File("streamed.csv"));
        var common = new[] { "--group", "group", "--score", "score", "--seed", "3" };
        var joined = CsvHalvesCount.Of(input);
        var a = CliHarness.Run(["correct", input, .. common, "--output", held]);
        joined = CsvHalvesCount.Of(input) - joined;
        var b = CliHarness.Run(["correct", input, .. common, "--output", streamed, "--calibration", input]);
        Assert.Equal(0, a.Code);
        Assert.Equal(0, b.Code);
        Assert.Equal(b.Output, a.Output.Replace(held, streamed, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(streamed), File.ReadAllBytes(held));
        return joined;
    }
}
