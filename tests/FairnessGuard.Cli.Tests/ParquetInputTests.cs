using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace FairnessGuard.Cli.Tests;

/// <summary>Issue 16 item 5 (input side): a Parquet file audits exactly like the CSV it was written from (CPS 2008).</summary>
public sealed class ParquetInputTests : IDisposable
{
    private static readonly string Cps = Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task AParquetFileGivesTheSameAuditAsItsCsv()
    {
        var lines = File.ReadLines(Cps).Take(3001).ToArray();
        var slice = _folder.Write("cps.csv", string.Join('\n', lines) + "\n");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var earnings = new DataField("earnings", typeof(double), isNullable: false);
        var gender = new DataField("gender", typeof(string), isNullable: true);
        var age = new DataField("age", typeof(int), isNullable: true);
        var path = _folder.File("cps.parquet");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(earnings, gender, age), stream);
            foreach (var chunk in rows.Chunk(1_000))
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<double>(earnings, chunk.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray().AsMemory());
                await group.WriteAsync(gender, chunk.Select(r => (string?)r[1].Trim('"')).ToArray());
                await group.WriteAsync<int>(age, chunk.Select(r => (int?)int.Parse(r[2], CultureInfo.InvariantCulture)).ToArray().AsMemory());
            }
        }

        foreach (var extra in new[] { Array.Empty<string>(), ["--sketch", "2000"] })
        {
            var csv = CliHarness.Run(["audit", slice, "--group", "gender", "--score", "earnings", "--threshold", "20", "--format", "json", .. extra]);
            var parquet = CliHarness.Run(["audit", path, "--group", "gender", "--score", "earnings", "--threshold", "20", "--format", "json", .. extra]);
            Assert.True(parquet.Code == csv.Code, parquet.Error);
            Assert.Equal(Strip(csv.Output), Strip(parquet.Output));
        }

        var byAge = CliHarness.Run("audit", path, "--group", "gender", "--group", "age", "--score", "earnings", "--format", "json");
        Assert.True(byAge.Code is 0 or 1 or 3, byAge.Error);
        Assert.Contains("female/", byAge.Output, StringComparison.Ordinal);
        var missing = CliHarness.Run("audit", path, "--group", "gendr", "--score", "earnings");
        Assert.Equal(2, missing.Code);
        Assert.Contains("did you mean 'gender'?", missing.Error, StringComparison.Ordinal);
        var notParquet = CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--input-format", "parquet");
        Assert.Equal(2, notParquet.Code);
    }

    private static string Strip(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name != "file").Select(p => p.ToString()));
    }

    public void Dispose() => _folder.Dispose();
}
