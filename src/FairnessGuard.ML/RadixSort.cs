namespace FairnessGuard.ML;

/// <summary>
/// An LSD radix sort of finite doubles (11-bit digits over the order-preserving integer image of the bits,
/// passes whose digit is the same for every value skipped): the fit's per-group sort of up to a million
/// calibration scores in a few passes instead of n log n comparisons. Same order as <see cref="Array.Sort(Array)"/>
/// except that −0 is placed before +0, which compare equal (the tables and the atoms' ranks use comparisons only,
/// and the barycenter sums start at +0, so the results are the same bits).
/// </summary>
internal static class RadixSort
{
    /// <summary>Below this length <see cref="Array.Sort(Array)"/> is faster.</summary>
    public const int MinLength = 4_096;
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;

    /// <summary>Sorts <paramref name="values"/> (finite) ascending in place.</summary>
    public static void Sort(double[] values)
    {
        if (values.Length < MinLength)
        {
            Array.Sort(values);
            return;
        }

        var n = values.Length;
        var keys = new ulong[n];
        var counts = new int[Passes * Buckets];
        for (var i = 0; i < n; i++)
        {
            var key = Key(values[i]);
            keys[i] = key;
            for (var p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
            }
        }

        var buffer = new ulong[n];
        for (var p = 0; p < Passes; p++)
        {
            var histogram = counts.AsSpan(p * Buckets, Buckets);
            var shift = p * Bits;
            if (histogram[(int)((keys[0] >> shift) & (Buckets - 1))] == n)
            {
                continue; // every key has this digit
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = histogram[b];
                histogram[b] = offset;
                offset += c;
            }

            foreach (var key in keys)
            {
                buffer[histogram[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            (keys, buffer) = (buffer, keys);
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = Value(keys[i]);
        }
    }

    // Flip every bit of a negative number and the sign bit of a positive one: unsigned order is numeric order.
    private static ulong Key(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return bits ^ ((ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL);
    }

    private static double Value(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key ^ 0x8000_0000_0000_0000UL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}
