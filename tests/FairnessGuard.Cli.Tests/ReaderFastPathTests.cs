using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Correction;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// The reader's fast paths (a plain line split without the quoting state machine; a plain decimal parsed
/// without the general parser) must give exactly what the general paths give, across the 64 KB buffer's end.
/// </summary>
public sealed class ReaderFastPathTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void PlainDecimalsParseToTheSameDoubleAsTheGeneralParser()
    {
        var random = new Random(51);
        string[] fixedCases = ["0", "-0", "+1.25", "5.", ".5", "007.50", "1234567890.12345", "0.1", "999999999999999", "-0.000000000000001", "1.2345678901234567"];
        var cases = fixedCases.Concat(Enumerable.Range(0, 20_000).Select(_ =>
        {
            var digits = random.Next(1, 16);
            var text = string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(0, digits + 1);
            return (random.Next(3) == 0 ? "-" : string.Empty) + text[..point] + "." + text[point..];
        }));
        foreach (var text in cases)
        {
            Assert.True(FieldNumbers.TryParseNumber(Encoding.ASCII.GetBytes(text), decimalComma: false, out var value), text);
            var expected = double.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(expected.Equals(value) && double.IsNegative(expected) == double.IsNegative(value), $"{text}: {value:R} != {expected:R}");
            Assert.True(FieldNumbers.TryParseNumber(Encoding.ASCII.GetBytes(text.Replace('.', ',')), decimalComma: true, out var comma), text);
            Assert.Equal(expected, comma);
        }
    }

    [Fact]
    public void RecordsAcrossTheBufferEndAreCopiedThroughByteForByte()
    {
        // About 400 KB: lines of varied length, some quoted (with delimiters, doubled quotes, a line break),
        // some ending in \r\n, blank lines between some, so records straddle the 64 KB buffer's end in every way.
        var random = new Random(52);
        var records = new List<string>();
        var text = new StringBuilder("id,group,note,score\n");
        for (var i = 0; i < 6_000; i++)
        {
            var note = random.Next(6) switch
            {
                0 => "\"a, \"\"quoted\"\" note\nover two lines\"",
                1 => string.Empty,
                _ => new string('x', random.Next(0, 120)),
            };
            var record = string.Create(CultureInfo.InvariantCulture, $"{i},{(i % 3 == 0 ? "b" : "a")},{note},{random.NextDouble() * 10:F6}");
            records.Add(record);
            text.Append(record).Append(random.Next(4) == 0 ? "\r\n" : "\n");
            if (random.Next(50) == 0)
            {
                text.Append('\n');
            }
        }

        var input = _folder.File("in.csv");
        File.WriteAllText(input, text.ToString());
        var output = _folder.File("out.csv");
        var run = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--mode", "batch");
        Assert.True(run.Code == 0, run.Error);

        var (scores, groups) = AuditCommandTests.ReadColumns(input);
        var corrector = ExactBarycenterCorrector<string>.Fit(scores, groups, new BarycenterOptions { Seed = 42 });
        var written = File.ReadAllText(output);
        var at = written.IndexOf('\n', StringComparison.Ordinal) + 1;
        Assert.Equal("id,group,note,score,score_fair\n", written[..at]);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i] + ",", written.Substring(at, records[i].Length + 1));
            at += records[i].Length + 1;
            var end = written.IndexOf('\n', at);
            Assert.Equal(corrector.Apply(scores[i], groups[i], i), double.Parse(written[at..end], CultureInfo.InvariantCulture));
            at = end + 1;
        }

        Assert.Equal(written.Length, at);
    }

    public void Dispose() => _folder.Dispose();
}
