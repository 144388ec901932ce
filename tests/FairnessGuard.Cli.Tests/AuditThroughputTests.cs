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
