using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace FairnessGuard.Cli.Tests;

/// <summary>Issue 16 item 5 (output side): <c>correct</c> writes Parquet, and corrects a Parquet input into Parquet.</summary>
public sealed class ParquetOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("batch")]
    [InlineData("online")]
    public async Task CsvCorrectedIntoParquetAuditsLikeCsvCorrectedIntoCsv(string mode)
    {
        var input = PredictionFiles.Write(_folder, "in.csv", 1_500, shift: 0.8, seed: 31);
        var csv = _folder.File("out.csv");
        var parquet = _folder.File("out.parquet");
        foreach (var output in new[] { csv, parquet })
        {
            var run = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--mode", mode, "--warm-up", "100");
            Assert.True(run.Code == 0, run.Error);
        }

        var csvAudit = CliHarness.Run("audit", csv, "--group", "group", "--score", "score_fair", "--threshold", "0.4", "--format", "json");
        var parquetAudit = CliHarness.Run("audit", parquet, "--group", "group", "--score", "score_fair", "--threshold", "0.4", "--format", "json");
        Assert.True(parquetAudit.Code == csvAudit.Code, parquetAudit.Error);
        Assert.Equal(Strip(csvAudit.Output), Strip(parquetAudit.Output));

        // Every input column kept as its text (quotes undone), the fair score added as a double.
        var (fields, columns) = await ReadAll(parquet);
        Assert.Equal(["id", "group", "note", "score", "label", "score_fair"], fields.Select(f => f.Name));
        Assert.Equal(typeof(string), Kind(fields[2]));
        Assert.Equal(typeof(double), fields[^1].ClrType);
        Assert.Equal("row 7, quoted", ((string?[])columns[2])[7]);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(lines.Length - 1, columns[0].Length);
        var fair = (double?[])columns[^1];
        for (var i = 0; i < fair.Length; i++)
        {
            Assert.Equal(double.Parse(lines[i + 1][(lines[i + 1].LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture), fair[i]);
        }
    }

    [Fact]
    public async Task ParquetInParquetOutKeepsEveryRowAndColumnAndCorrectsLikeCsv()
    {
        // Three row groups, nullable and non-nullable columns of several types, missing groups and scores.
        var random = new Random(32);
        const int rows = 2_100;
        var ids = Enumerable.Range(0, rows).Select(i => (long)i * 1_000_003).ToArray();
        var groups = Enumerable.Range(0, rows).Select(i => i % 97 == 5 ? null : i % 3 == 0 ? "b" : "a").ToArray();
        var scores = Enumerable.Range(0, rows).Select(i => i % 89 == 3 ? (double?)null : PredictionFiles.Normal(random) + (i % 3 == 0 ? 0.8 : 0)).ToArray();
        var ages = Enumerable.Range(0, rows).Select(i => 18 + (i % 60)).ToArray();
        var flags = Enumerable.Range(0, rows).Select(i => i % 5 == 0 ? (bool?)null : i % 2 == 0).ToArray();
        var schema = new ParquetSchema(
            new DataField("id", typeof(long), isNullable: false),
            new DataField("group", typeof(string), isNullable: true),
            new DataField("score", typeof(double), isNullable: true),
            new DataField("age", typeof(int), isNullable: false),
            new DataField("flag", typeof(bool), isNullable: true));
        var input = _folder.File("in.parquet");
        await using (var stream = File.Create(input))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            for (var start = 0; start < rows; start += 700)
            {
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<long>(schema.DataFields[0], ids.AsMemory(start, 700));
                await rowGroup.WriteAsync(schema.DataFields[1], groups[start..(start + 700)]);
                await rowGroup.WriteAsync<double>(schema.DataFields[2], scores.AsMemory(start, 700));
                await rowGroup.WriteAsync<int>(schema.DataFields[3], ages.AsMemory(start, 700));
                await rowGroup.WriteAsync<bool>(schema.DataFields[4], flags.AsMemory(start, 700));
            }
        }

        var output = _folder.File("out.parquet");
        var run = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", output, "--mode", "batch", "--seed", "5");
        Assert.True(run.Code == 0, run.Error);
        var (fields, columns) = await ReadAll(output);
        Assert.Equal(["id", "group", "score", "age", "flag", "score_fair"], fields.Select(f => f.Name));
        Assert.Equal([typeof(long), typeof(string), typeof(double), typeof(int), typeof(bool), typeof(double)], fields.Select(Kind));
        Assert.Equal(ids, (long[])columns[0]);
        Assert.Equal(groups, (string?[])columns[1]);
        Assert.Equal(scores, (double?[])columns[2]);
        Assert.Equal(ages, (int[])columns[3]);
        Assert.Equal(flags, (bool?[])columns[4]);

        // The same rows as CSV get the same fair scores (batch: row i's draw depends on (seed, i) only).
        var csvIn = _folder.Write("in.csv", "group,score\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{groups[i]},{scores[i]?.ToString("R", CultureInfo.InvariantCulture)}\n")));
        var csvOut = _folder.File("out.csv");
        Assert.Equal(0, CliHarness.Run("correct", csvIn, "--group", "group", "--score", "score", "--output", csvOut, "--mode", "batch", "--seed", "5").Code);
        var csvFair = File.ReadLines(csvOut).Skip(1).Select(l => l.Split(',')[2]).ToArray();
        var fair = (double?[])columns[5];
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(scores[i] is null ? null : double.Parse(csvFair[i], CultureInfo.InvariantCulture), fair[i]);
            if (groups[i] is null)
            {
                Assert.Equal(scores[i], fair[i]);
            }
        }

        var toCsv = CliHarness.Run("correct", input, "--group", "group", "--score", "score", "--output", _folder.File("x.csv"));
        Assert.Equal(2, toCsv.Code);
        Assert.Contains("--output-format parquet", toCsv.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("x.csv")));
    }

    private static async Task<(DataField[] Fields, Array[] Columns)> ReadAll(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var parts = fields.Select(_ => new List<Array>()).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            for (var c = 0; c < fields.Length; c++)
            {
                parts[c].Add(Csv.ParquetColumns.Read(rowGroup, fields[c], checked((int)rowGroup.RowCount)));
            }
        }

        var columns = new Array[fields.Length];
        for (var c = 0; c < fields.Length; c++)
        {
            var element = parts[c][0].GetType().GetElementType()!;
            columns[c] = Array.CreateInstance(element, parts[c].Sum(p => p.Length));
            var at = 0;
            foreach (var part in parts[c])
            {
                Array.Copy(part, 0, columns[c], at, part.Length);
                at += part.Length;
            }
        }

        return (fields, columns);
    }

    // Parquet.Net reports a string column read back as ReadOnlyMemory<char>.
    private static Type Kind(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : field.ClrType;

    private static string Strip(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name != "file").Select(p => p.ToString()));
    }

    public void Dispose() => _folder.Dispose();
}
