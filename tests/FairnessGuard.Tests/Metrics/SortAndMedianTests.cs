using FairnessGuard.Metrics;

namespace FairnessGuard.Tests.Metrics;

/// <summary>The fast paths of the exact audit: the radix sort, the merged pool and the O(n log n) median heuristic.</summary>
public sealed class SortAndMedianTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(4_095)]
    [InlineData(50_000)]
    public void RadixSortOrdersLikeArraySort(int length)
    {
        var random = new Random(length);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            // Mixed signs, magnitudes from 1e-300 to 1e300, many ties, and the extremes.
            values[i] = random.Next(3) == 0 ? Math.Round((random.NextDouble() * 2) - 1, 2) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
        }

        values[0] = -0.0;
        values[1] = double.MaxValue;
        values[2] = -double.Epsilon;
        values[3] = double.MinValue;
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        DoubleRadixSort.Sort(values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void PoolIsTheSortedUnionOfTheGroups()
    {
        var random = new Random(7);
        string[] keys = ["a", "b", "c", "d", "e"];
        var outputs = new double[100_000];
        var groups = new string[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var g = random.Next(keys.Length);
            groups[i] = i % 7 == 0 ? new string(keys[g].AsSpan()) : keys[g]; // equal keys that are other references
            outputs[i] = i % 1000 == 0 ? double.NaN : Math.Round(random.NextDouble() + g, 3);
        }

        var grouped = GroupedOutputs<string>.Create(outputs, groups);
        var finite = outputs.Where(double.IsFinite).Order().ToArray();
        Assert.Equal(finite, grouped.PooledSorted.ToArray());
        Assert.Equal(100, grouped.NonFiniteCount);
        Assert.Equal(groups.Distinct(), grouped.Groups);
        for (var g = 0; g < keys.Length; g++)
        {
            var expected = outputs.Where((v, i) => groups[i] == grouped.Groups[g] && double.IsFinite(v)).Order().ToArray();
            Assert.Equal(expected, grouped.Sorted(g).ToArray());
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(30, 31)]
    [InlineData(200, 150)]
    public void MedianHeuristicIsTheMedianOfAllPairwiseDifferences(int m, int n)
    {
        var random = new Random(m + n);
        var x = Enumerable.Range(0, m).Select(_ => Math.Round(random.NextDouble() * 3, 2)).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 5) - 1).ToArray();
        var pooled = x.Concat(y).ToArray();
        var diffs = new List<double>();
        for (var i = 0; i < pooled.Length; i++)
        {
            for (var j = i + 1; j < pooled.Length; j++)
            {
                diffs.Add(Math.Abs(pooled[i] - pooled[j]));
            }
        }

        var expected = MathNet.Numerics.Statistics.Statistics.Median(diffs);
        Assert.Equal(expected > 0 ? expected : 1, MmdDistance.MedianHeuristic(x, y));
    }

    [Fact]
    public void MedianHeuristicOfTiedValuesIsOne() => Assert.Equal(1, MmdDistance.MedianHeuristic([2, 2, 2], [2, 2]));
}
