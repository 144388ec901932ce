using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Correction;
using FairnessGuard.Cli.Csv;
using Xunit.Abstractions;

namespace FairnessGuard.Cli.Tests;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// correct streams: while a file of 400,000 rows (≈ 22 MB of text, several times that as strings) goes through,
/// the live heap, measured after a full collection every 65,536 rows, stays within 4 MB of where it
/// started. Holding the rows (even only their scores and group keys, 16 bytes a row ≈ 6.4 MB) would not.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class StreamingMemoryTests(ITestOutputHelper log) : IDisposable
{
    private const int Rows = 400_000;
    private const long HeapGrowthLimit = 4L << 20;
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("online")]
    [InlineData("batch")]
    public void CorrectKeepsTheLiveHeapFlatOnALargeFile(string modeName)
    {
        var mode = Enum.Parse<CorrectionMode>(modeName, ignoreCase: true);
        var input = WriteFile("large.csv", Rows, seed: 20);
        var calibration = WriteFile("calibration.csv", 3000, seed: 21);
        var settings = new CorrectSettings(input, new ColumnSpec(["group"], "score"), _folder.File("out.csv"), mode,
            mode == CorrectionMode.Batch ? calibration : null, 1.0, 42, 200);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var samples = 0;
        var summary = CorrectRunner.Run(settings, (_, _) =>
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            samples++;
        });

        log.WriteLine($"{mode}: file {new FileInfo(input).Length / 1e6:0.0} MB, live heap growth peak {peak / 1e6:0.00} MB over {samples} samples");
        Assert.Equal(Rows, summary.Rows);
        Assert.Equal(Rows, summary.Corrected);
        Assert.True(samples >= Rows / 65_536, $"only {samples} heap samples");
        Assert.True(new FileInfo(input).Length > 3 * HeapGrowthLimit, "the file must be much larger than the limit");
        Assert.True(peak < HeapGrowthLimit, $"the live heap grew by {peak / 1e6:0.0} MB while streaming ({mode})");
    }

    [Fact]
    public void SketchAuditKeepsTheLiveHeapFlatOnALargeFile()
    {
        var input = WriteFile("large.csv", Rows, seed: 22);
        var settings = new AuditSettings(input, new ColumnSpec(["group"], "score"), 0.0, 0.05, 0.95, SketchK: 2000);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var outcome = AuditOutcome.Run(settings, (_, _) => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline));

        log.WriteLine($"audit --sketch: live heap growth peak {peak / 1e6:0.00} MB");
        Assert.Equal(Rows, outcome.Rows);
        Assert.True(peak < HeapGrowthLimit, $"the live heap grew by {peak / 1e6:0.0} MB while auditing with sketches");
    }

    public void Dispose() => _folder.Dispose();

    private string WriteFile(string name, int rows, int seed)
    {
        var path = _folder.File(name);
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,group,region,comment,score\n");
        for (var i = 0; i < rows; i++)
        {
            var group = (i % 3) switch { 0 => "a", 1 => "b", _ => "c" };
            var score = PredictionFiles.Normal(random) + (group == "b" ? 0.5 : 0);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i},{group},region-{i % 50},\"applicant {i}, file {i % 7}\",{score:F6}\n"));
        }

        return path;
    }
}
