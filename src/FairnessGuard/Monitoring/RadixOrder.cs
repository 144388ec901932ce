using System.Buffers;
using System.Runtime.CompilerServices;

namespace FairnessGuard.Monitoring;

/// <summary>
/// A stable ascending sort of doubles with a tag each, by a least-significant-digit radix sort of their bits (11 bits a
/// pass; a pass whose digit is the same for every value is skipped). For the merged sweep over K sorted runs it
/// replaces a K-way merge: a merge pays log2 K unpredictable comparisons per value (10 at 1,000 groups), the sort a
/// few sequential passes. Ties keep their input order (so a run's values come out in the run's order); -0 sorts just below +0, and NaN above +∞.
/// </summary>
internal static class RadixOrder
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;

    /// <summary>
    /// Sorts <paramref name="values"/> ascending, stably, carrying each value's tag: writes the sorted values (bit for
    /// bit the inputs) to <paramref name="sortedValues"/> and their tags, in the same order, to <paramref name="sortedTags"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(ReadOnlySpan<double> values, ReadOnlySpan<int> tags, Span<double> sortedValues, Span<int> sortedTags)
    {
        var n = values.Length;
        if (n == 0)
        {
            return;
        }

        var keyArray = ArrayPool<ulong>.Shared.Rent(n);
        var keyOther = ArrayPool<ulong>.Shared.Rent(n);
        var tagArray = ArrayPool<int>.Shared.Rent(n);
        var tagOther = ArrayPool<int>.Shared.Rent(n);
        var counts = ArrayPool<int>.Shared.Rent(Passes * Buckets);
        try
        {
            var histogram = counts.AsSpan(0, Passes * Buckets);
            histogram.Clear();
            for (var i = 0; i < n; i++)
            {
                var key = Key(values[i]);
                keyArray[i] = key;
                tagArray[i] = tags[i];
                for (var p = 0; p < Passes; p++)
                {
                    histogram[(p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
                }
            }

            var (keys, keysTo, tag, tagTo) = (keyArray, keyOther, tagArray, tagOther);
            for (var p = 0; p < Passes; p++)
            {
                var bucket = histogram.Slice(p * Buckets, Buckets);
                if (!Prefix(bucket, n))
                {
                    continue;
                }

                var shift = p * Bits;
                for (var i = 0; i < n; i++)
                {
                    var key = keys[i];
                    var to = bucket[(int)((key >> shift) & (Buckets - 1))]++;
                    keysTo[to] = key;
                    tagTo[to] = tag[i];
                }

                (keys, keysTo, tag, tagTo) = (keysTo, keys, tagTo, tag);
            }

            for (var i = 0; i < n; i++)
            {
                sortedValues[i] = Value(keys[i]);
            }

            tag.AsSpan(0, n).CopyTo(sortedTags);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyArray);
            ArrayPool<ulong>.Shared.Return(keyOther);
            ArrayPool<int>.Shared.Return(tagArray);
            ArrayPool<int>.Shared.Return(tagOther);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    // Turns the counts into each bucket's first position; false when one bucket holds every value (nothing to move).
    private static bool Prefix(Span<int> bucket, int n)
    {
        var start = 0;
        for (var b = 0; b < bucket.Length; b++)
        {
            var count = bucket[b];
            if (count == n)
            {
                return false;
            }

            bucket[b] = start;
            start += count;
        }

        return true;
    }

    // Unsigned order of the result is the numeric order of doubles: negatives have every bit flipped, the rest the sign bit set.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return (long)bits < 0 ? ~bits : bits | (1UL << 63);
    }

    // The inverse of Key: the very bits of the value that gave the key.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Value(ulong key) => BitConverter.UInt64BitsToDouble((long)key < 0 ? key & ~(1UL << 63) : ~key);
}
