using FairnessGuard.Distributions;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML.Tests;

public sealed class ScoredRow
{
    public float Score { get; set; }

    public string Group { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    public bool Label { get; set; }
}

public sealed class ScoreOnly
{
    public float Score { get; set; }
}

public sealed class FeatureRow
{
    [VectorType(4)]
    public float[] Features { get; set; } = [];

    public string Group { get; set; } = string.Empty;

    public bool Label { get; set; }
}

/// <summary>Seeded synthetic data: group means differ, so raw scores are unfair by construction.</summary>
public static class Synthetic
{
    public static readonly string[] Groups = ["a", "b", "c"];

    public static List<ScoredRow> Scores(int n, int seed, double[]? means = null)
    {
        means ??= [0.0, 0.8, -0.5];
        var random = new Random(seed);
        var rows = new List<ScoredRow>(n);
        for (var i = 0; i < n; i++)
        {
            var g = random.NextDouble() switch { < 0.5 => 0, < 0.8 => 1, _ => 2 };
            var score = means[g] + Gaussian(random);
            rows.Add(new ScoredRow
            {
                Score = (float)score,
                Group = Groups[g],
                Region = random.NextDouble() < 0.4 ? "north" : "south",
                Label = score + (0.5 * Gaussian(random)) > 0.2,
            });
        }

        return rows;
    }

    public static List<FeatureRow> Features(int n, int seed, int groups = 2)
    {
        var random = new Random(seed);
        var rows = new List<FeatureRow>(n);
        for (var i = 0; i < n; i++)
        {
            var g = random.Next(groups);
            var x = new float[4];
            for (var j = 0; j < 4; j++)
            {
                x[j] = (float)(Gaussian(random) + (j == g ? 1.0 : 0.0));
            }

            var label = (2 * x[0]) + x[1] + x[2] - x[3] + Gaussian(random) > 0.5;
            rows.Add(new FeatureRow { Features = x, Group = Groups[g], Label = label });
        }

        return rows;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static float[] Column(MLContext ml, IDataView data, string name = "Score") =>
        [.. data.GetColumn<float>(name)];

    /// <summary>The two-sample KS distance between two samples (sorted in place, then the library's one implementation).</summary>
    public static double Ks(double[] a, double[] b)
    {
        Array.Sort(a);
        Array.Sort(b);
        return Distance.KolmogorovSmirnov(a, b);
    }
}
