using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// audit --sketch reads a large CSV in chunks on two cores: the saved state (every group's sketch, sum and count, in
/// order of first appearance) must be byte for byte that of one sequential pass, and errors those of one pass.
/// </summary>
public sealed class SketchChunksTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(",", false)]
    [InlineData(";", true)]
    public void ChunksGiveTheStateOfOnePass(string delimiter, bool decimalComma)
    {
        // ≈ 7 MB: CRLF and LF line ends, quoted notes with delimiters and line breaks, missing groups and scores,
        // non-finite scores, blank lines, and groups first seen late in the file.
        var random = new Random(71);
        var text = new StringBuilder($"id{delimiter}group{delimiter}note{delimiter}score\r\n");
        for (var i = 0; i < 250_000; i++)
        {
            var group = i % 97 == 0 ? "NA" : i > 200_000 && i % 5 == 0 ? "late" + (i % 3) : ((char)('a' + random.Next(4))).ToString();
            var note = random.Next(10) == 0 ? $"\"a{delimiter} \"\"b\"\"\nc\"" : "n" + random.Next(1000);
            var value = (random.NextDouble() * 3).ToString("F6", CultureInfo.InvariantCulture);
            var score = random.Next(200) == 0 ? string.Empty : random.Next(500) == 0 ? "inf" : decimalComma ? value.Replace('.', ',') : value;
            text.Append(CultureInfo.InvariantCulture, $"{i}{delimiter}{group}{delimiter}{note}{delimiter}{score}").Append(random.Next(3) == 0 ? "\r\n" : "\n");
            if (random.Next(1000) == 0)
            {
                text.Append('\n');
            }
        }

        var path = _folder.File($"big{decimalComma}.csv");
        File.WriteAllText(path, text.ToString());
        var settings = Settings(path) with { DecimalComma = decimalComma };
        AssertSameAsOnePass(settings);
        var (taken, chunks) = SketchChunks.Taken[path];
        Assert.Equal(chunks, taken);
        Assert.True(chunks >= 6, $"{chunks} chunks");
    }

    [Fact]
    public void AQuotedFieldAcrossChunksFallsBackToOnePass()
    {
        // A quoted field of 150,000 lines (≈ 2 MB, across at least one cut), each line looking like a record.
        var plain = string.Concat(Enumerable.Range(0, 150_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{(i % 3 == 0 ? "a" : "b")},x,0.{i % 1000:D3}\n")));
        var quoted = "0,a,\"" + string.Concat(Enumerable.Range(0, 150_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},c,x,0.5\n"))) + "\",0.25\n";
        var path = _folder.File("quoted.csv");
        File.WriteAllText(path, "id,group,note,score\n" + plain + quoted + plain);
        var outcome = AssertSameAsOnePass(Settings(path));
        var (taken, chunks) = SketchChunks.Taken[path];
        Assert.InRange(taken, 1, chunks - 1);
        Assert.Equal(300_001, outcome.Rows);
        Assert.DoesNotContain(outcome.Figures.Groups, g => g.Group == "c");
    }

    [Fact]
    public void ManyGroupsFallBackToOnePass()
    {
        var rows = Enumerable.Range(0, 400_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"g{(i * 7) % 150},0.{(i * 31) % 100_000:D5}\n"));
        var path = _folder.File("many.csv");
        File.WriteAllText(path, "group,score\n" + string.Concat(rows));
        var outcome = AssertSameAsOnePass(Settings(path));
        Assert.Equal(150, outcome.Figures.Groups.Count);
        Assert.True(SketchChunks.Taken[path].Taken < SketchChunks.Taken[path].Chunks);
    }

    [Fact]
    public void AnErrorLateInTheFileIsReportedAsByOnePass()
    {
        var rows = Enumerable.Range(0, 400_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? "a" : "b")},0.{i % 1000:D3}456\n")).ToArray();
        rows[350_000] = "b,zero\n";
        var path = _folder.File("bad.csv");
        File.WriteAllText(path, "group,score\n\n" + string.Concat(rows));
        var error = Assert.Throws<CsvInputException>(() => SketchAudit.Run(Settings(path), 200, null, out _, chunks: true));
        var expected = Assert.Throws<CsvInputException>(() => SketchAudit.Run(Settings(path), 200, null, out _, chunks: false));
        Assert.Equal(expected.Message, error.Message);
        Assert.Equal(350_003, error.Line);
    }

    public void Dispose() => _folder.Dispose();

    private static AuditSettings Settings(string path) => new(path, new ColumnSpec(["group"], "score"), 0.5, 0.05, 0.95, SketchK: 200) { Favorable = FavorableOutcome.Low };

    private static AuditOutcome AssertSameAsOnePass(AuditSettings settings)
    {
        var outcome = SketchAudit.Run(settings, 200, null, out var chunked, chunks: true);
        var expected = SketchAudit.Run(settings, 200, null, out var sequential, chunks: false);
        Assert.Equal(Bytes(sequential), Bytes(chunked));
        Assert.Equal(expected.Figures.KsUnfairness, outcome.Figures.KsUnfairness);
        Assert.Equal(expected.MissingGroup, outcome.MissingGroup);
        return outcome;
    }

    private static byte[] Bytes(SketchState state)
    {
        using var stream = new MemoryStream();
        state.Write(stream);
        return stream.ToArray();
    }
}
