using MathNet.Numerics.Distributions;

namespace FairnessGuard.Tests.Correction;

/// <summary>Seeded synthetic model outputs whose distribution differs by group.</summary>
internal static class SyntheticOutputs
{
    public static readonly string[] Shapes = ["normal", "heavy-tailed", "bimodal", "heavy-ties"];

    /// <summary>Draws <paramref name="n"/> rows over <paramref name="groups"/> groups of unequal sizes.</summary>
    public static (double[] Outputs, int[] Groups) Draw(string shape, int groups, int n, int seed)
    {
        var random = new Random(seed);
        var outputs = new double[n];
        var keys = new int[n];
        for (var i = 0; i < n; i++)
        {
            // Unequal shares: group g has weight g + 1.
            var g = (int)Math.Floor(Math.Sqrt(random.NextDouble()) * groups);
            keys[i] = Math.Min(g, groups - 1);
            outputs[i] = Sample(shape, keys[i], random);
        }

        return (outputs, keys);
    }

    private static double Sample(string shape, int group, Random random)
    {
        var shift = group * 0.3;
        return shape switch
        {
            "normal" => Normal.Sample(random, shift, 1 + (0.1 * (group % 4))),
            "heavy-tailed" => StudentT.Sample(random, 3 * shift, 1, 1.5),
            "bimodal" => random.NextDouble() < 0.3 + (0.4 * (group % 2)) ? Normal.Sample(random, -2, 0.5) : Normal.Sample(random, 2 + shift, 0.7),
            "heavy-ties" => Math.Min(5, Poisson.Sample(random, 1 + (group % 3))),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
        };
    }
}
