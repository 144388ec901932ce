using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Correction;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// <c>correct --mode online</c> on a CSV runs on three threads (reader, guard, writer); the one-thread streaming path
/// is the reference: the same bytes, the same summary, the same errors, whatever the batch boundaries.
/// </summary>
public sealed class PipelinedCorrectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("\n", ",", 1.0, 70_000)]
    [InlineData("\r\n", ";", 0.5, 70_000)]
    [InlineData("\n", ",", 1.0, 5)]
    public void ThreeThreadsWriteWhatOneThreadWrites(string newLine, string delimiter, double strength, int rows)
    {
        // Many batches (by rows and by bytes), ties, missing groups and scores (empty, NA, quoted empty, inf), a quoted
        // score, exponents, a quoted field with a line break inside, long and non-ASCII text, no final line break.
        var random = new Random(31);
        string[] specials = ["NA", "\"\"", "inf", "-1e-3", "\"0.25\"", ""];
        var text = new StringBuilder($"id{delimiter}group{delimiter}note{delimiter}score{newLine}");
        for (var i = 0; i < rows; i++)
        {
            var group = i % 401 == 0 ? "" : ((char)('a' + random.Next(3))).ToString();
            var value = random.Next(1000) / 1000.0 + (group.Length == 0 ? 0 : 0.2 * (group[0] - 'a'));
            var score = i % 97 == 0 ? specials[i / 97 % specials.Length] : value.ToString(CultureInfo.InvariantCulture);
            var note = (i % 1000) switch
            {
                0 => $"\"line one{newLine}line {delimiter} two, é\"",
                1 => new string('x', 100_000 + i),
                _ => $"n{i}",
            };
            text.Append(CultureInfo.InvariantCulture, $"{i}{delimiter}{group}{delimiter}{note}{delimiter}{score}");
            text.Append(i == rows - 1 ? "" : newLine);
        }

        var input = _folder.File("in.csv");
        File.WriteAllText(input, text.ToString());
        Assert.Equal(1, AssertSameAsOneThread(input, strength));
    }

    [Fact]
    public void ARecordTooLongToHoldIsStreamedOnOneThread()
    {
        var text = new StringBuilder("g,note,s\n");
        for (var i = 0; i < 30_000; i++)
        {
            var note = i == 20_000 ? new string('z', (1 << 20) + 10) : "n";
            text.Append(CultureInfo.InvariantCulture, $"{"ab"[i % 2]},{note},{(i * 7919 % 1000) / 1000.0}\n");
        }

        var input = _folder.File("long.csv");
        File.WriteAllText(input, text.ToString());
        Assert.Equal(0, AssertSameAsOneThread(input, 1.0));
    }

    [Fact]
    public void AnErrorAfterManyBatchesIsTheOneThreadError()
    {
        var text = new StringBuilder("g,s\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{"ab"[i % 2]},{i * 1e-5}\n");
        }

        text.Append("a,oops\nb,0.5\n");
        var input = _folder.File("bad.csv");
        File.WriteAllText(input, text.ToString());
        var output = _folder.File("out.csv");
        var piped = Assert.Throws<CsvInputException>(() => CorrectRunner.Run(Settings(input, output, 1.0)));
        var single = Assert.Throws<CsvInputException>(() => CorrectRunner.Run(Settings(input, output, 1.0) with { Sequential = true }));
        Assert.Equal(single.Message, piped.Message);
        Assert.Equal(50_002, piped.Line);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(_folder.Root));
    }

    [Fact]
    public void ProgressIsReportedAsTheStreamingPathReportsIt()
    {
        var text = new StringBuilder("g,s\n");
        for (var i = 0; i < 200_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{"ab"[i % 2]},{i % 977 * 1e-3}\n");
        }

        var input = _folder.File("in.csv");
        File.WriteAllText(input, text.ToString());
        var (piped, single) = (new List<long>(), new List<long>());
        CorrectRunner.Run(Settings(input, _folder.File("a.csv"), 1.0), (read, _) => piped.Add(read));
        CorrectRunner.Run(Settings(input, _folder.File("b.csv"), 1.0) with { Sequential = true }, (read, _) => single.Add(read));

        // Rows 0, 65,536, 131,072 and 196,608: one report each, positions ascending (a batch reports where it ends).
        Assert.Equal(4, single.Count);
        Assert.Equal(single.Count, piped.Count);
        Assert.Equal([.. piped.Order()], piped);
        Assert.All(piped.Zip(single), p => Assert.True(p.First >= p.Second, $"{p.First} < {p.Second}"));
    }

    public void Dispose() => _folder.Dispose();

    private static CorrectSettings Settings(string input, string output, double strength)
    {
        var header = File.ReadLines(input).First();
        var (group, score) = header.Contains("group", StringComparison.Ordinal) ? ("group", "score") : ("g", "s");
        return new CorrectSettings(input, new ColumnSpec([group], score), output, CorrectionMode.Online, null, strength, 5, 50);
    }

    // Returns how often the three-thread run went to the end (0 when it fell back to one thread).
    private int AssertSameAsOneThread(string input, double strength)
    {
        var (piped, single) = (_folder.File("piped.csv"), _folder.File("single.csv"));
        var completed = PipelinedCorrection.Completed.GetValueOrDefault(input);
        var a = CorrectRunner.Run(Settings(input, piped, strength));
        completed = PipelinedCorrection.Completed.GetValueOrDefault(input) - completed;
        var b = CorrectRunner.Run(Settings(input, single, strength) with { Sequential = true });
        Assert.Equal(b, a);
        Assert.Equal(File.ReadAllBytes(single), File.ReadAllBytes(piped));
        return completed;
    }
}
