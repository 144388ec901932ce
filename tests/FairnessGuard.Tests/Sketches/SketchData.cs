using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Seeded streams for the sketch tests and exact answers from the sorted stream.</summary>
internal static class SketchData
{
    public const int Million = 1_000_000;

    /// <summary>Number of rank-spaced query points per accuracy check.</summary>
    public const int GridSize = 1000;

    /// <summary>
    /// Bound that G queries satisfy all at once with probability 99%: the sketch's single-query Azuma bound
    /// at confidence 1 - 1%/G (union bound over the G queries).
    /// </summary>
    public static double SimultaneousBound(QuantileSketch sketch, int queries) => sketch.GetRankErrorBound(1 - (0.01 / queries));

    public static double[] Normal(int n, int seed)
    {
        var random = new Random(seed);
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = StandardNormal(random);
        }

        return data;
    }

    /// <summary>Standard Cauchy: no mean, no variance; ranks must not care.</summary>
    public static double[] Cauchy(int n, int seed)
    {
        var random = new Random(seed);
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = Math.Tan(Math.PI * (random.NextDouble() - 0.5));
        }

        return data;
    }

    /// <summary>0.3 N(-3, 1) + 0.7 N(4, 0.5^2): two separated modes of unequal size.</summary>
    public static double[] Bimodal(int n, int seed)
    {
        var random = new Random(seed);
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = random.NextDouble() < 0.3 ? -3 + StandardNormal(random) : 4 + (0.5 * StandardNormal(random));
        }

        return data;
    }

    /// <summary>Scores rounded to one decimal of a narrow normal: about 15 distinct values, heavily tied.</summary>
    public static double[] Tied(int n, int seed)
    {
        var random = new Random(seed);
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = Math.Round(0.5 + (0.2 * StandardNormal(random)), 1);
        }

        return data;
    }

    public static QuantileSketch Sketch(ReadOnlySpan<double> data, int k = QuantileSketch.DefaultK, ulong seed = 1)
    {
        var sketch = new QuantileSketch(k, seed);
        foreach (var x in data)
        {
            sketch.Update(x);
        }

        return sketch;
    }

    /// <summary>Largest |estimated - exact| rank over ascending points.</summary>
    public static double MaxRankError(QuantileSketch sketch, double[] sorted, double[] ascendingPoints, bool inclusive)
    {
        var exact = ExactRanks(sorted, ascendingPoints, inclusive);
        var worst = 0.0;
        for (var j = 0; j < ascendingPoints.Length; j++)
        {
            var estimate = inclusive ? sketch.GetRank(ascendingPoints[j]) : sketch.GetRankExclusive(ascendingPoints[j]);
            worst = Math.Max(worst, Math.Abs(estimate - exact[j]));
        }

        return worst;
    }

    /// <summary>Points spread evenly in rank: the data's own values at ranks (i + 0.5) / count.</summary>
    public static double[] RankGrid(double[] sorted, int count)
    {
        var grid = new double[count];
        for (var i = 0; i < count; i++)
        {
            grid[i] = sorted[(int)((i + 0.5) * sorted.Length / count)];
        }

        return grid;
    }

    public static double[] Distinct(double[] sorted)
    {
        var distinct = new List<double>();
        foreach (var x in sorted)
        {
            if (distinct.Count == 0 || distinct[^1] != x)
            {
                distinct.Add(x);
            }
        }

        return [.. distinct];
    }

    /// <summary>Exact fraction of the data &lt;= (or &lt;) each point, by one sweep over sorted data and sorted points.</summary>
    public static double[] ExactRanks(double[] sorted, double[] ascendingPoints, bool inclusive)
    {
        var ranks = new double[ascendingPoints.Length];
        var below = 0;
        for (var j = 0; j < ascendingPoints.Length; j++)
        {
            while (below < sorted.Length && (inclusive ? sorted[below] <= ascendingPoints[j] : sorted[below] < ascendingPoints[j]))
            {
                below++;
            }

            ranks[j] = below / (double)sorted.Length;
        }

        return ranks;
    }

    public static double[] Sorted(double[] data)
    {
        var sorted = (double[])data.Clone();
        Array.Sort(sorted);
        return sorted;
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
