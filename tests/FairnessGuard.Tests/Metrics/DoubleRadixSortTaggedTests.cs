using FairnessGuard.Metrics;

namespace FairnessGuard.Tests.Metrics;

/// <summary>
/// The guard's parity sweep visits the pooled values in the order <see cref="DoubleRadixSort.SortTagged"/> gives: it must be the numeric
/// order, stable (a group's values keep their order, the sweep relies on it), and hand back the very bits it got.
/// </summary>
public class DoubleRadixSortTaggedTests
{
    [Fact]
    public void SortsLikeNumericOrderStablyAndKeepsTheBits()
    {
        var random = new Random(3);
        var values = new List<double> { double.NegativeInfinity, double.PositiveInfinity, double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 0.0, 1.0, 1.0, -1.0 };
        for (var i = 0; i < 5_000; i++)
        {
            // Mixed magnitudes and signs, and repeats (ties must keep their input order).
            values.Add(i % 7 == 0 ? values[random.Next(values.Count)] : (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-300, 300)));
        }

        var tags = Enumerable.Range(0, values.Count).ToArray();
        var sortedValues = new double[values.Count];
        var sortedTags = new int[values.Count];
        DoubleRadixSort.SortTagged(values.ToArray(), tags, sortedValues, sortedTags);

        var expected = tags.OrderBy(t => values[t]).ThenBy(t => t).ToArray(); // OrderBy is stable; ThenBy states it.
        Assert.Equal(expected, sortedTags);
        for (var i = 0; i < sortedValues.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(values[sortedTags[i]]), BitConverter.DoubleToInt64Bits(sortedValues[i]));
        }
    }

    [Fact]
    public void PutsNegativeZeroJustBelowPositiveZero()
    {
        double[] values = [0.0, -0.0, 0.5, -0.5];
        var sortedValues = new double[4];
        var sortedTags = new int[4];
        DoubleRadixSort.SortTagged(values, [0, 1, 2, 3], sortedValues, sortedTags);
        Assert.Equal([3, 1, 0, 2], sortedTags);
    }
}
