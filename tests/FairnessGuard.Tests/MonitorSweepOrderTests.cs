using FairnessGuard.Metrics;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Tests;

/// <summary>
/// The parity sweep orders the pooled values by dealing the groups' sorted runs to buckets
/// (<see cref="ParitySweep.OrderPooled"/>); the order must be the radix sort's bit for bit — by the bits' order key
/// (−0 before +0), ties in group order — on smooth values, atoms shared by groups, signed zeros, far outliers, tiny
/// and huge ranges, and single values.
/// </summary>
public class MonitorSweepOrderTests
{
    [Fact]
    public void DealtOrderIsTheRadixOrder()
    {
        var random = new Random(23);
        for (var trial = 0; trial < 400; trial++)
        {
            var groups = 1 + random.Next(trial % 5 == 0 ? 300 : 12);
            var offsets = new int[groups + 1];
            var runs = new List<double>();
            for (var s = 0; s < groups; s++)
            {
                var run = Run(random, trial, random.Next(trial % 7 == 0 ? 400 : 40));
                runs.AddRange(run);
                offsets[s + 1] = runs.Count;
            }

            var values = runs.ToArray();
            var n = values.Length;
            var tags = new int[n];
            for (var s = 0; s < groups; s++)
            {
                tags.AsSpan(offsets[s], offsets[s + 1] - offsets[s]).Fill(s);
            }

            var expectedValues = new double[n];
            var expectedGroups = new int[n];
            DoubleRadixSort.SortTagged(values, tags, expectedValues, expectedGroups);
            var sortedValues = new double[n];
            var sortedGroups = new int[n];
            ParitySweep.OrderPooled(values, offsets, groups, sortedValues, sortedGroups);
            Assert.Equal(expectedGroups, sortedGroups);
            Assert.True(expectedValues.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(sortedValues.Select(BitConverter.DoubleToInt64Bits)), $"trial {trial}");
        }
    }

    // A strictly ascending run (as a sorted view's values are) of up to `length` values of one of several shapes.
    private static double[] Run(Random random, int trial, int length)
    {
        var scale = Math.Pow(10, random.Next(-8, 9));
        var set = new SortedSet<double>();
        for (var i = 0; i < length; i++)
        {
            var u = random.NextDouble();
            set.Add((trial % 6) switch
            {
                0 => u * scale,
                1 => Math.Round(u * 8) / 8 * scale,
                2 => i == 0 ? 1e12 : u,
                3 => u < 0.3 ? -0.0 : u < 0.6 ? 0.0 : (u - 0.6) * scale,
                4 => (u - 0.5) * 1e-300,
                _ => 1 + (Math.Round(u * 1e6) * double.Epsilon * 1e10),
            });
        }

        // SortedSet treats −0 and +0 as one value (as a view does); keep whichever came first.
        return [.. set];
    }
}
