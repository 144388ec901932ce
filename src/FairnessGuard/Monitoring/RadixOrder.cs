using System.Buffers;
using System.Runtime.CompilerServices;

namespace FairnessGuard.Monitoring;

/// <summary>
/// The stable ascending order of a span of doubles, by a least-significant-digit radix sort of their bits (11 bits a
/// pass; a pass whose digit is the same for every value is skipped). For the merged sweep over K sorted runs it
/// replaces a K-way merge: a merge pays log2 K unpredictable comparisons per value (10 at 1,000 groups), the sort a
/// few sequential passes. Ties keep their input order; -0 sorts just below +0, and NaN above +∞.
/// </summary>
internal static class RadixOrder
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;

    /// <summary>Writes into <paramref name="order"/> the indices of <paramref name="values"/> in stable ascending order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(ReadOnlySpan<double> values, Span<int> order)
    {
        var n = values.Length;
        if (n == 0)
        {
            return;
        }

        var keyArray = ArrayPool<ulong>.Shared.Rent(n);
        var keyOther = ArrayPool<ulong>.Shared.Rent(n);
        var indexArray = ArrayPool<int>.Shared.Rent(n);
        var indexOther = ArrayPool<int>.Shared.Rent(n);
        var counts = ArrayPool<int>.Shared.Rent(Passes * Buckets);
        try
        {
            var histogram = counts.AsSpan(0, Passes * Buckets);
            histogram.Clear();
            for (var i = 0; i < n; i++)
            {
                var key = Key(values[i]);
                keyArray[i] = key;
                indexArray[i] = i;
                for (var p = 0; p < Passes; p++)
                {
                    histogram[(p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
                }
            }

            var (keys, keysTo, index, indexTo) = (keyArray, keyOther, indexArray, indexOther);
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
                    indexTo[to] = index[i];
                }

                (keys, keysTo, index, indexTo) = (keysTo, keys, indexTo, index);
            }

            index.AsSpan(0, n).CopyTo(order);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyArray);
            ArrayPool<ulong>.Shared.Return(keyOther);
            ArrayPool<int>.Shared.Return(indexArray);
            ArrayPool<int>.Shared.Return(indexOther);
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
}
