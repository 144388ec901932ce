using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// audit --sketch against the exact audit of the same file. KLL's a-priori bound (docs/sketch.md):
/// each rank is within ε = sqrt(2 ln 200)/k of the truth with probability 99 %, so a KS between two sketched
/// groups is within 2ε of the exact one and every sketched quantile has an exact rank within ε of its level.
/// </summary>
public sealed class SketchAuditTests : IDisposable
{
    private const int K = 200;
    private readonly TempFolder _folder = new();

    [Fact]
    public void SketchFiguresAreWithinTheRankErrorOfTheExactAudit()
    {
        var file = PredictionFiles.Write(_folder, "preds.csv", 20_000, shift: 0.3, seed: 41);
        var columns = new ColumnSpec(["group"], "score", "label");
        var exact = AuditOutcome.Run(new AuditSettings(file, columns, 0.25, 0.05, 0.95));
        var sketch = AuditOutcome.Run(new AuditSettings(file, columns, 0.25, 0.05, 0.95, SketchK: K));
        var epsilon = new QuantileSketch(K).NormalizedRankError;

        Assert.Null(sketch.Data);
        Assert.StartsWith("sketch", sketch.Figures.Method, StringComparison.Ordinal);
        Assert.InRange(sketch.Figures.KsUnfairness, exact.Figures.KsUnfairness - (2 * epsilon), exact.Figures.KsUnfairness + (2 * epsilon));
        Assert.InRange(sketch.Figures.KsLowerBound, 0.01, exact.Figures.KsLowerBound);
        Assert.Equal(exact.Figures.DpRatio!.Value, sketch.Figures.DpRatio!.Value, 12);
        Assert.Equal(exact.Labels!.PerGroup, sketch.Labels!.PerGroup);

        var (scores, groups) = AuditCommandTests.ReadColumns(file);
        for (var g = 0; g < exact.Figures.Groups.Count; g++)
        {
            var (e, s) = (exact.Figures.Groups[g], sketch.Figures.Groups[g]);
            Assert.Equal(e.Count, s.Count);
            Assert.Equal(e.Mean, s.Mean, 9);
            var sorted = scores.Where((_, i) => groups[i] == e.Group).Order().ToArray();
            for (var q = 0; q < s.Quantiles.Count; q++)
            {
                var rank = sorted.Count(y => y <= s.Quantiles[q]) / (double)sorted.Length;
                Assert.InRange(rank, sketch.Figures.QuantileLevels[q] - epsilon, sketch.Figures.QuantileLevels[q] + epsilon + (1.0 / sorted.Length));
            }
        }
    }

    [Fact]
    public void SketchOutOfRangeExitsTwo()
    {
        var file = _folder.Write("ok.csv", "g,s\na,1\nb,2\n");
        var result = CliHarness.Run("audit", file, "--group", "g", "--score", "s", "--sketch", "3");
        Assert.Equal(2, result.Code);
        Assert.Contains("--sketch must be in [8, 65535]", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
