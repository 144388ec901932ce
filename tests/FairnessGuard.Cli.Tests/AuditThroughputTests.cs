using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Distributions;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// The exact audit's faster paths must print what the general ones print: the audit's fused KS + W1 walk
/// against the pool and its pairwise KS equal <see cref="Distance"/> bit for bit.
/// </summary>
public sealed class AuditThroughputTests
{
    [Theory]
    [InlineData(300, 3, 10)]
    [InlineData(300, 5, 0)]
    [InlineData(100_000, 4, 1000)]
    [InlineData(100_000, 7, 0)]
    public void TheAuditsWalksEqualTheGeneralDistances(int rows, int groups, int grid)
    {
        // Coarse grids make ties within and across groups; grid 0 draws continuous values (with ±0 among them).
        var random = new Random(rows + groups + grid);
        var scores = new double[rows];
        var keys = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(groups);
            keys[i] = ((char)('a' + g)).ToString();
            var x = random.NextDouble() + (0.1 * g);
            scores[i] = grid > 0 ? Math.Round(x * grid) / grid : random.Next(50) == 0 ? (random.Next(2) == 0 ? 0.0 : -0.0) : x;
        }

        var data = GroupedOutputs<string>.Create(scores, keys);
        var report = FairnessAudit.Evaluate(data, new FairnessAuditOptions { Threshold = 0.5 });
        var maxKs = 0.0;
        for (var g = 0; g < data.Groups.Count; g++)
        {
            var group = report.Groups[g];
            Assert.Equal(Distance.KolmogorovSmirnov(data.Sorted(g), data.PooledSorted), group.KsToPool);
            Assert.Equal(Distance.Wasserstein1(data.Sorted(g), data.PooledSorted), group.W1ToPool);
            for (var h = g + 1; h < data.Groups.Count; h++)
            {
                maxKs = Math.Max(maxKs, Distance.KolmogorovSmirnov(data.Sorted(g), data.Sorted(h)));
            }
        }

        Assert.Equal(maxKs, report.KsUnfairness);
    }
}

/// <summary>
/// A large CSV is read in two halves on two threads: the rows must be those of one sequential pass in every
/// case — the middle's line break ending a record, or inside a quoted field, and with an error in the second half.
/// </summary>
public sealed class CsvHalvesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void TwoHalvesGiveTheRowsOfOnePass()
    {
        // ≈ 6 MB: CRLF and LF line ends, quoted notes with delimiters and line breaks, missing groups and
        // scores, blank lines, and a group first seen in the second half.
        var random = new Random(61);
        var text = new StringBuilder("id,group,note,score,label\r\n");
        for (var i = 0; i < 250_000; i++)
        {
            var group = i % 97 == 0 ? "NA" : i > 240_000 && i % 5 == 0 ? "late" : ((char)('a' + random.Next(4))).ToString();
            var note = random.Next(10) == 0 ? "\"a, \"\"b\"\"\nc\"" : "n" + random.Next(1000);
            var score = random.Next(200) == 0 ? string.Empty : (random.NextDouble() * 3).ToString("F6", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{group},{note},{score},{random.Next(2)}").Append(random.Next(3) == 0 ? "\r\n" : "\n");
            if (random.Next(1000) == 0)
            {
                text.Append('\n');
            }
        }

        var path = _folder.File("big.csv");
        File.WriteAllText(path, text.ToString());
        var data = AuditData.Load(path, new ColumnSpec(["group"], "score", "label"));
        Assert.Equal(1, CsvHalvesCount.Of(path));
        AssertSameAsOnePass(path, data);
    }

    [Fact]
    public void AMiddleInsideAQuotedFieldFallsBackToOnePass()
    {
        // A quoted field of 40,000 lines, each looking like a record, spans the middle of the file.
        var plain = string.Concat(Enumerable.Range(0, 150_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{(i % 2 == 0 ? "a" : "b")},x,0.{i % 1000:D3}\n")));
        var quoted = "0,a,\"" + string.Concat(Enumerable.Range(0, 40_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},b,x,0.5\n"))) + "\",0.25\n";
        var path = _folder.File("quoted.csv");
        File.WriteAllText(path, "id,group,note,score\n" + plain + quoted + plain);
        var data = AuditData.Load(path, new ColumnSpec(["group"], "score"));
        Assert.Equal(0, CsvHalvesCount.Of(path));
        AssertSameAsOnePass(path, data);
        Assert.Equal(300_001, data.Scores.Length);
    }

    [Fact]
    public void AnErrorInTheSecondHalfIsReportedAsByOnePass()
    {
        var rows = Enumerable.Range(0, 300_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? "a" : "b")},0.{i % 1000:D3}\n")).ToArray();
        rows[250_000] = "b,zero\n";
        var path = _folder.File("bad.csv");
        File.WriteAllText(path, "group,score\n" + string.Concat(rows));
        var error = Assert.Throws<CsvInputException>(() => AuditData.Load(path, new ColumnSpec(["group"], "score")));
        var expected = Assert.Throws<CsvInputException>(() => OnePass(path, new ColumnSpec(["group"], "score")));
        Assert.Equal(expected.Message, error.Message);
        Assert.Equal(250_002, error.Line);
    }

    public void Dispose() => _folder.Dispose();

    private static (List<string> Groups, List<double> Scores, List<double> Labels, long Missing) OnePass(string path, ColumnSpec spec)
    {
        using var reader = PredictionReader.Open(path, spec);
        var (groups, scores, labels, missing) = (new List<string>(), new List<double>(), new List<double>(), 0L);
        while (reader.Read())
        {
            var (group, score, label) = (reader.Group(), reader.Score(), reader.Label());
            if (group is null)
            {
                missing++;
                continue;
            }

            groups.Add(group);
            scores.Add(score);
            labels.Add(label);
        }

        return (groups, scores, labels, missing);
    }

    private static void AssertSameAsOnePass(string path, AuditData data)
    {
        var expected = OnePass(path, new ColumnSpec(["group"], "score", data.Labels is null ? null : "label"));
        Assert.Equal(expected.Groups, data.Groups);
        Assert.Equal(expected.Scores, data.Scores);
        Assert.Equal(expected.Missing, data.MissingGroup);
        if (data.Labels is not null)
        {
            Assert.Equal(expected.Labels, data.Labels);
        }

        // One string per distinct key, as from one reader: the second half's keys are the first half's strings.
        Assert.Equal(data.Groups.Distinct().Count(), data.Groups.Distinct(ReferenceEqualityComparer.Instance).Count());
    }
}

/// <summary>A Parquet file read with row groups decoded ahead on two threads gives the rows, and the errors, of reading one row group after another.</summary>
public sealed class ParquetPrefetchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task PrefetchedRowGroupsGiveTheRowsAndErrorsOfOneAfterAnother()
    {
        var group = new Parquet.Schema.DataField("group", typeof(string), isNullable: true);
        var score = new Parquet.Schema.DataField("score", typeof(string), isNullable: true);
        var path = _folder.File("groups.parquet");
        var bad = _folder.File("bad.parquet");
        foreach (var (file, badRow) in new[] { (path, -1), (bad, 3_500) })
        {
            await using var stream = File.Create(file);
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(group, score), stream);
            for (var g = 0; g < 5; g++)
            {
                var rows = Enumerable.Range(g * 1_000, 1_000).ToArray();
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync(group, rows.Select(i => i % 11 == 0 ? null : g == 4 && i % 3 == 0 ? "late" : ((char)('a' + (i % 4))).ToString()).ToArray());
                await rowGroup.WriteAsync(score, rows.Select(i => i == badRow ? "many" : i % 13 == 0 ? "NA" : (i / 5000.0).ToString("R", CultureInfo.InvariantCulture)).ToArray());
            }
        }

        var spec = new ColumnSpec(["group"], "score");
        Assert.Equal(Rows(path, spec, prefetch: false), Rows(path, spec, prefetch: true));
        var expected = Assert.Throws<CsvInputException>(() => Rows(bad, spec, prefetch: false));
        var error = Assert.Throws<CsvInputException>(() => Rows(bad, spec, prefetch: true));
        Assert.Equal(expected.Message, error.Message);
        Assert.Contains("row 3500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawStringKeysAndNullableScoresReadAsEver()
    {
        // 40 distinct keys (more than the 16 matched by their characters), non-ASCII, blanks, and the missing markers.
        string?[] keys = [.. Enumerable.Range(0, 34).Select(i => "k" + i), "é ü", " x ", string.Empty, "NA", " na", "?"];
        var random = new Random(62);
        var column = Enumerable.Range(0, 5_000).Select(_ => random.Next(12) == 0 ? null : keys[random.Next(random.Next(2) == 0 ? 4 : keys.Length)]).ToArray();
        var group = new Parquet.Schema.DataField("group", typeof(string), isNullable: true);
        var score = new Parquet.Schema.DataField("score", typeof(double), isNullable: true);
        var scores = Enumerable.Range(0, column.Length).Select(i => i % 7 == 0 ? (double?)null : i / 10.0).ToArray();
        var path = _folder.File("keys.parquet");
        await using (var stream = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(group, score), stream);
            for (var from = 0; from < column.Length; from += 2_000)
            {
                var to = Math.Min(from + 2_000, column.Length);
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync(group, column[from..to]);
                await rowGroup.WriteAsync<double>(score, scores[from..to].AsMemory());
            }
        }

        var expected = column.Select(k => k is null || MissingValues.IsMissing(k) ? null : k).ToArray();
        foreach (var prefetch in new[] { false, true })
        {
            var rows = Rows(path, new ColumnSpec(["group"], "score"), prefetch);
            var read = rows.Select(r => r.Group).ToArray();
            Assert.Equal(expected, read);
            Assert.Equal(scores.Select(x => x ?? double.NaN), rows.Select(r => r.Score));
            Assert.Equal(read.Where(k => k is not null).Distinct().Count(), read.Where(k => k is not null).Distinct(ReferenceEqualityComparer.Instance).Count());
        }
    }

    public void Dispose() => _folder.Dispose();

    private static List<(string? Group, double Score)> Rows(string path, ColumnSpec spec, bool prefetch)
    {
        using var source = ParquetRowSource.Open(path, spec, prefetch);
        var rows = new List<(string?, double)>();
        while (source.Read())
        {
            rows.Add((source.Group(), source.Score()));
        }

        return rows;
    }
}
