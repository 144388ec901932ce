using System.Buffers;
using System.Runtime.InteropServices;

namespace FairnessGuard.Metrics;

/// <summary>
/// Sorts finite doubles ascending with a least-significant-digit radix sort: the bits are mapped to unsigned
/// keys that order like the values (negative: all bits flipped; positive: the sign bit set), then six passes
/// of 11 bits, a pass skipped when every key has the same digit. O(n), against O(n log n) comparisons for
/// <see cref="Array.Sort{T}(T[])"/>; about 4× faster on millions of scores. −0 sorts before +0 (they compare
/// equal, so every order of them is sorted).
/// </summary>
internal static class DoubleRadixSort
{
    // Below this, the comparison sort wins (the histograms cost a fixed ~12k steps).
    private const int MinLength = 1 << 12;
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;

    /// <summary>Sorts <paramref name="values"/> (finite, or at least not NaN) ascending in place.</summary>
    /// <param name="values">The values.</param>
    public static void Sort(double[] values)
    {
        if (values.Length < MinLength)
        {
            Array.Sort(values);
            return;
        }

        var keys = MemoryMarshal.Cast<double, ulong>(values.AsSpan());
        var counts = new int[Passes * Buckets];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = ToKey(keys[i]);
            keys[i] = key;
            for (var p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
            }
        }

        var buffer = new ulong[keys.Length];
        Span<ulong> from = keys, to = buffer;
        var swapped = false;
        for (var p = 0; p < Passes; p++)
        {
            var count = counts.AsSpan(p * Buckets, Buckets);
            if (count.Contains(keys.Length))
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (count[b], offset) = (offset, offset + count[b]);
            }

            var shift = p * DigitBits;
            foreach (var key in from)
            {
                to[count[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            var temp = from;
            from = to;
            to = temp;
            swapped = !swapped;
        }

        if (swapped)
        {
            from.CopyTo(keys);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = FromKey(keys[i]);
        }
    }

    /// <summary>
    /// The positions of <paramref name="values"/> (none NaN) in ascending order of value, ties in position order.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="sorted">The values in that order.</param>
    /// <returns>A permutation of 0 … n − 1.</returns>
    public static int[] Order(ReadOnlySpan<double> values, out double[] sorted)
    {
        var n = values.Length;
        var positions = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        for (var i = 0; i < n; i++)
        {
            positions[i] = i;
        }

        sorted = new double[n];
        var order = new int[n];
        SortTagged(values, positions.AsSpan(0, n), sorted, order);
        ArrayPool<int>.Shared.Return(positions);
        return order;
    }

    /// <summary>
    /// Sorts <paramref name="values"/> (none NaN) ascending, ties in position order, carrying each value's tag: writes
    /// the sorted values (bit for bit the inputs) and their tags in the same order. The scratch is rented, so a caller
    /// that sorts often (the guard's parity sweep, every review) allocates nothing here.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="tags">One tag per value.</param>
    /// <param name="sortedValues">Receives the values in ascending order.</param>
    /// <param name="sortedTags">Receives their tags.</param>
    public static void SortTagged(ReadOnlySpan<double> values, ReadOnlySpan<int> tags, Span<double> sortedValues, Span<int> sortedTags)
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
                var key = ToKey(BitConverter.DoubleToUInt64Bits(values[i]));
                keyArray[i] = key;
                tagArray[i] = tags[i];
                for (var p = 0; p < Passes; p++)
                {
                    histogram[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
                }
            }

            var (keys, keysTo, tag, tagTo) = (keyArray, keyOther, tagArray, tagOther);
            for (var p = 0; p < Passes; p++)
            {
                var count = histogram.Slice(p * Buckets, Buckets);
                if (count.Contains(n))
                {
                    continue;
                }

                var offset = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    (count[b], offset) = (offset, offset + count[b]);
                }

                var shift = p * DigitBits;
                for (var i = 0; i < n; i++)
                {
                    var key = keys[i];
                    var to = count[(int)((key >> shift) & (Buckets - 1))]++;
                    keysTo[to] = key;
                    tagTo[to] = tag[i];
                }

                (keys, keysTo, tag, tagTo) = (keysTo, keys, tagTo, tag);
            }

            for (var i = 0; i < n; i++)
            {
                sortedValues[i] = BitConverter.UInt64BitsToDouble(FromKey(keys[i]));
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

    private static ulong ToKey(ulong bits) => (bits & SignBit) != 0 ? ~bits : bits | SignBit;

    private static ulong FromKey(ulong key) => (key & SignBit) != 0 ? key & ~SignBit : ~key;

    private const ulong SignBit = 1UL << 63;
}
