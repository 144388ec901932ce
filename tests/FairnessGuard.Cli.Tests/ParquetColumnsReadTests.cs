using System.Globalization;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using Parquet.Schema;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// The exact audit reads a Parquet file's row groups on two threads straight into whole columns: the rows, keys
/// and errors must be those of <see cref="ParquetRowSource"/> read row after row.
/// </summary>
public sealed class ParquetColumnsReadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task WholeColumnsHoldTheRowsOfOneRowAfterAnother()
    {
        // 7 row groups of uneven sizes; a nullable string key (missing markers, nulls, a late key), a nullable double
        // score with nulls, a non-nullable int label, and a second group column (keys joined).
        var group = new DataField("group", typeof(string), isNullable: true);
        var region = new DataField("region", typeof(string), isNullable: true);
        var score = new DataField("score", typeof(double), isNullable: true);
        var label = new DataField("label", typeof(int), isNullable: false);
        var path = _folder.File("rows.parquet");
        var random = new Random(81);
        await using (var stream = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new ParquetSchema(group, region, score, label), stream);
            foreach (var size in new[] { 1_000, 3_000, 17, 2_500, 1, 4_000, 900 })
            {
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync(group, Enumerable.Range(0, size).Select(_ => random.Next(15) switch { 0 => null, 1 => "NA", 2 => "late", _ => ((char)('a' + random.Next(4))).ToString() }).ToArray());
                await rowGroup.WriteAsync(region, Enumerable.Range(0, size).Select(_ => random.Next(20) == 0 ? null : random.Next(2) == 0 ? "north" : "south").ToArray());
                await rowGroup.WriteAsync<double>(score, Enumerable.Range(0, size).Select(_ => random.Next(10) == 0 ? (double?)null : random.NextDouble()).ToArray().AsMemory());
                await rowGroup.WriteAsync<int>(label, Enumerable.Range(0, size).Select(_ => random.Next(2)).ToArray().AsMemory());
            }
        }

        foreach (var spec in new[] { new ColumnSpec(["group"], "score", "label"), new ColumnSpec(["group", "region"], "score") })
        {
            var columns = ParquetRowSource.ReadColumns(path, spec, null);
            using var source = ParquetRowSource.Open(path, spec);
            var i = 0;
            while (source.Read())
            {
                Assert.Equal(source.Group(), columns.Groups[i]);
                Assert.Equal(source.Score(), columns.Scores[i]);
                Assert.Equal(source.Label(), columns.Labels is null ? double.NaN : columns.Labels[i]);
                i++;
            }

            Assert.Equal(i, columns.Groups.Length);
            var keys = columns.Groups.Where(k => k is not null).ToArray();
            Assert.Equal(keys.Distinct().Count(), keys.Distinct(ReferenceEqualityComparer.Instance).Count());

            var data = AuditData.Load(path, spec);
            Assert.Equal(keys, data.Groups);
            Assert.Equal(columns.Groups.Length - keys.Length, data.MissingGroup);
        }
    }

    [Fact]
    public async Task TheFirstFailingRowGroupIsReported()
    {
        var group = new DataField("group", typeof(string), isNullable: true);
        var score = new DataField("score", typeof(string), isNullable: true);
        var path = _folder.File("bad.parquet");
        await using (var stream = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new ParquetSchema(group, score), stream);
            for (var g = 0; g < 6; g++)
            {
                var rows = Enumerable.Range(g * 1_000, 1_000).ToArray();
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync(group, rows.Select(i => i % 2 == 0 ? "a" : "b").ToArray());
                await rowGroup.WriteAsync(score, rows.Select(i => i is 3_210 or 5_500 ? "many" : (i / 6000.0).ToString("R", CultureInfo.InvariantCulture)).ToArray());
            }
        }

        var spec = new ColumnSpec(["group"], "score");
        var error = Assert.Throws<CsvInputException>(() => ParquetRowSource.ReadColumns(path, spec, null));
        var expected = Assert.Throws<CsvInputException>(() =>
        {
            using var source = ParquetRowSource.Open(path, spec);
            while (source.Read())
            {
                _ = source.Score();
            }
        });
        Assert.Equal(expected.Message, error.Message);
        Assert.Contains("row 3210", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
