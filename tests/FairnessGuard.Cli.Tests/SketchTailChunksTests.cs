using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// audit --sketch cuts the last 4 MB of a chunked CSV into 256 KB chunks (the last chunk runs on one thread while the
/// other may idle), and the result is still that of one sequential pass.
/// </summary>
public sealed class SketchTailChunksTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void TheLastFourMegabytesAreCutIntoQuarterMegabyteChunks()
    {
        // 5.5 MiB of 11-byte records after the header: cuts at 1 MiB (4.5 MiB left, more than 4), then every 256 KiB
        // from 2 MiB to 5.25 MiB (14 cuts): 16 chunks; 1 MiB steps throughout would give 6.
        const int records = 524_288;
        var text = new StringBuilder("group,score\n", (records * 11) + 12);
        for (var i = 0; i < records; i++)
        {
            text.Append((char)('a' + (i % 3))).Append(CultureInfo.InvariantCulture, $",0.{(i * 7919L) % 1_000_000:D6}\n");
        }

        var path = _folder.File("tail.csv");
        File.WriteAllText(path, text.ToString());
        Assert.Equal((records * 11L) + 12, new FileInfo(path).Length);
        var settings = new AuditSettings(path, new ColumnSpec(["group"], "score"), 0.5, 0.05, 0.95, SketchK: 200);

        var outcome = SketchAudit.Run(settings, 200, null, out var chunked, chunks: true);
        var expected = SketchAudit.Run(settings, 200, null, out var sequential, chunks: false);

        Assert.Equal((16, 16), SketchChunks.Taken[path]);
        Assert.Equal(records, outcome.Rows);
        Assert.Equal(expected.Figures.KsUnfairness, outcome.Figures.KsUnfairness);
        using var one = new MemoryStream();
        using var two = new MemoryStream();
        sequential.Write(one);
        chunked.Write(two);
        Assert.Equal(one.ToArray(), two.ToArray());
    }

    public void Dispose() => _folder.Dispose();
}
