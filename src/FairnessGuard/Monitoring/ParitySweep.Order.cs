using System.Buffers;
using FairnessGuard.Metrics;

namespace FairnessGuard.Monitoring;

/// <summary>The pooled values in ascending order with their groups, from the groups' sorted runs.</summary>
internal sealed partial class ParitySweep
{
    // Values per bucket on average; the largest bucket sorted by insertion, and the budget of the insertion sorts
    // (Σ m² over the buckets, per value: an insertion sort of m values moves about m²/4). Beyond either: the radix sort.
    private const int PerBucket = 4;
    private const int MaxBucket = 1024;
    private const int SquaresPerValue = 64;

    /// <summary>
    /// Orders the pooled values (group s at <c>[offsets[s], offsets[s + 1])</c>, each run strictly ascending) as
    /// <see cref="DoubleRadixSort.SortTagged"/> does — by the order-preserving key of the bits (−0 before +0), ties in
    /// group order — writing the values and their groups. The values are dealt to n/4 equal-width buckets of the
    /// pooled range (the bucket is monotone in the value), groups in order and each group's run in order, so a bucket
    /// holds its values in group order; a stable insertion sort (−0 before +0) then gives the radix sort's order. One
    /// counting and one dealing pass, where the radix sort made six passes to 2,048 buckets. When the values crowd so
    /// that the insertion sorts would cost more (a bucket above 1,024, or Σ m² above 64 per value: large atoms, a far
    /// outlier) or the range is not finite, the radix sort itself runs.
    /// </summary>
    internal static void OrderPooled(double[] values, int[] offsets, int groups, double[] sortedValues, int[] sortedGroups)
    {
        var n = offsets[groups];
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (var s = 0; s < groups; s++)
        {
            if (offsets[s + 1] > offsets[s])
            {
                low = Math.Min(low, values[offsets[s]]);
                high = Math.Max(high, values[offsets[s + 1] - 1]);
            }
        }

        var buckets = n / PerBucket;
        var scale = buckets / (high - low);
        if (buckets < 2 || !(scale > 0) || !double.IsFinite(scale))
        {
            RadixOrder(values, offsets, groups, sortedValues, sortedGroups);
            return;
        }

        var last = buckets - 1;
        var counts = ArrayPool<int>.Shared.Rent(buckets + 1);
        try
        {
            var count = counts.AsSpan(0, buckets + 1);
            count.Clear();
            for (var i = 0; i < n; i++)
            {
                count[Bucket(values[i], low, scale, last) + 1]++;
            }

            long squares = 0;
            for (var b = 1; b <= buckets; b++)
            {
                squares += (long)count[b] * count[b];
                if (count[b] > MaxBucket || squares > (long)SquaresPerValue * n)
                {
                    RadixOrder(values, offsets, groups, sortedValues, sortedGroups);
                    return;
                }

                count[b] += count[b - 1];
            }

            // Deal straight into the output: count[b] becomes the end of bucket b (its start is count[b − 1], or 0).
            for (var s = 0; s < groups; s++)
            {
                for (var i = offsets[s]; i < offsets[s + 1]; i++)
                {
                    var at = count[Bucket(values[i], low, scale, last)]++;
                    sortedValues[at] = values[i];
                    sortedGroups[at] = s;
                }
            }

            var start = 0;
            for (var b = 0; b < buckets; b++)
            {
                InsertionSort(sortedValues, sortedGroups, start, count[b]);
                start = count[b];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    // The value's bucket in [0, last]; monotone in the value (a larger value never gets a lower bucket).
    private static int Bucket(double value, double low, double scale, int last)
    {
        var b = (int)((value - low) * scale);
        return b < 0 ? 0 : Math.Min(b, last);
    }

    // Stable in the radix sort's order: an item moves only past values after it, so equal ones keep their (group) order.
    private static void InsertionSort(double[] values, int[] tags, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            var value = values[i];
            if (!After(values[i - 1], value))
            {
                continue;
            }

            var tag = tags[i];
            var j = i - 1;
            while (j >= from && After(values[j], value))
            {
                values[j + 1] = values[j];
                tags[j + 1] = tags[j];
                j--;
            }

            values[j + 1] = value;
            tags[j + 1] = tag;
        }
    }

    // Whether a comes after b in the radix sort's order of non-NaN values: numerically, and −0 before +0.
    private static bool After(double a, double b) =>
        a > b || (a == b && BitConverter.DoubleToInt64Bits(a) > BitConverter.DoubleToInt64Bits(b));

    // The radix sort of the pooled values tagged with their groups.
    private static void RadixOrder(double[] values, int[] offsets, int groups, double[] sortedValues, int[] sortedGroups)
    {
        var n = offsets[groups];
        var groupOf = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        for (var s = 0; s < groups; s++)
        {
            groupOf.AsSpan(offsets[s], offsets[s + 1] - offsets[s]).Fill(s);
        }

        DoubleRadixSort.SortTagged(values.AsSpan(0, n), groupOf.AsSpan(0, n), sortedValues, sortedGroups);
        ArrayPool<int>.Shared.Return(groupOf);
    }
}
