using System.Buffers;
using FairnessGuard.Metrics;

namespace FairnessGuard.Monitoring;

/// <summary>The pooled values in ascending order with their groups, from the groups' sorted runs.</summary>
internal sealed partial class ParitySweep
{
    // Values per bucket on average, and the largest bucket sorted by insertion (a larger one: the radix sort).
    private const int PerBucket = 4;
    private const int MaxBucket = 32;

    /// <summary>
    /// Orders the pooled values (group s at <c>[offsets[s], offsets[s + 1])</c>, each run strictly ascending) as
    /// <see cref="DoubleRadixSort.SortTagged"/> does — by the order-preserving key of the bits (−0 before +0), ties in
    /// group order — writing the values and their groups. The values are dealt to n/4 equal-width buckets of the
    /// pooled range (the bucket is monotone in the value), groups in order and each group's run in order, so a bucket
    /// holds its values in group order; an insertion sort by key, stable, then gives the radix sort's order. One
    /// counting and one dealing pass, where the radix sort made six passes to 2,048 buckets. When the values crowd
    /// (a bucket above 32: atoms, a far outlier) or the range is not finite, the radix sort itself runs.
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
        var starts = ArrayPool<int>.Shared.Rent(buckets + 1);
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var tags = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var count = starts.AsSpan(0, buckets + 1);
            count.Clear();
            for (var i = 0; i < n; i++)
            {
                count[Bucket(values[i], low, scale, last) + 1]++;
            }

            for (var b = 1; b <= buckets; b++)
            {
                if (count[b] > MaxBucket)
                {
                    RadixOrder(values, offsets, groups, sortedValues, sortedGroups);
                    return;
                }

                count[b] += count[b - 1];
            }

            // Deal: count[b] becomes the end of bucket b (its start is count[b − 1], or 0).
            for (var s = 0; s < groups; s++)
            {
                for (var i = offsets[s]; i < offsets[s + 1]; i++)
                {
                    var at = count[Bucket(values[i], low, scale, last)]++;
                    keys[at] = ToKey(BitConverter.DoubleToUInt64Bits(values[i]));
                    tags[at] = s;
                }
            }

            var start = 0;
            for (var b = 0; b < buckets; b++)
            {
                InsertionSort(keys, tags, start, count[b]);
                start = count[b];
            }

            for (var i = 0; i < n; i++)
            {
                sortedValues[i] = BitConverter.UInt64BitsToDouble(FromKey(keys[i]));
            }

            tags.AsSpan(0, n).CopyTo(sortedGroups);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(tags);
        }
    }

    // The value's bucket in [0, last]; monotone in the value (a larger value never gets a lower bucket).
    private static int Bucket(double value, double low, double scale, int last)
    {
        var b = (int)((value - low) * scale);
        return b < 0 ? 0 : Math.Min(b, last);
    }

    // Stable by key: an item moves only past larger keys, so equal keys keep their (group) order.
    private static void InsertionSort(ulong[] keys, int[] tags, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            var key = keys[i];
            if (keys[i - 1] <= key)
            {
                continue;
            }

            var tag = tags[i];
            var j = i - 1;
            while (j >= from && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                tags[j + 1] = tags[j];
                j--;
            }

            keys[j + 1] = key;
            tags[j + 1] = tag;
        }
    }

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

    private static ulong ToKey(ulong bits) => (bits & SignBit) != 0 ? ~bits : bits | SignBit;

    private static ulong FromKey(ulong key) => (key & SignBit) != 0 ? key & ~SignBit : ~key;

    private const ulong SignBit = 1UL << 63;
}
