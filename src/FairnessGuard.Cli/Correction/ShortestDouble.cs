using System.Globalization;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// Writes a double as <c>double.TryFormat(…, "R", InvariantCulture)</c> does (the shortest decimal that reads back
/// exactly; among the shortest, the nearest), about three times faster for the values a score takes: a normal double
/// with magnitude in [2⁻¹¹, 2¹⁰) (≈ 0.00049 to 1024, written without an exponent). The decimal is found with exact
/// integer arithmetic: the double's rounding interval, scaled by 10^q so that 17 significant digits are an integer,
/// is searched for the coarsest power of ten with a multiple strictly inside (so it reads back as this double under
/// any rounding of the ties), and the nearest such multiple is taken. Any case where conventions could differ (a
/// multiple exactly on the interval's edge, a tie between two nearest) and every other magnitude, zero, subnormals,
/// NaN and infinities go to the runtime's formatter, so the bytes are always the runtime's.
/// </summary>
internal static class ShortestDouble
{
    // 10^0 … 10^21; those above 10^19 only as UInt128.
    private static readonly ulong[] Pow10 = [.. Enumerable.Range(0, 20).Select(i => (ulong)Math.Pow(10, i))];
    private static readonly UInt128[] Pow10Wide = [.. Enumerable.Range(0, 22).Select(i => i < 20 ? (UInt128)Pow10![i] : (UInt128)Pow10![19] * (ulong)Math.Pow(10, i - 19))];

    // "00", "01", … "99".
    private static readonly byte[] Pairs = [.. Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)('0' + (i / 10)), (byte)('0' + (i % 10)) })];

    // The decimal exponent of the first digit of 2^(biased − 1023), biased in [1012, 1032]: a value of that binary
    // exponent has it or the next.
    private static readonly int[] FirstDigit = [.. Enumerable.Range(1012, 21).Select(b => (int)Math.Floor((b - 1023) * Math.Log10(2)))];

    /// <summary>The most bytes a number takes ("-0.000" and 17 digits, or the runtime's longest "R" form).</summary>
    public const int MaxBytes = 32;

    /// <summary>Writes <paramref name="value"/> into <paramref name="to"/> (at least <see cref="MaxBytes"/> long); returns the bytes written.</summary>
    public static int Format(double value, Span<byte> to)
    {
        if (TryFast(value, to, out var written))
        {
            return written;
        }

        value.TryFormat(to, out written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Writes <paramref name="value"/> when it is in the fast path's range and unambiguous; false otherwise (nothing written).</summary>
    internal static bool TryFast(double value, Span<byte> to, out int written)
    {
        written = 0;
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);

        // [2^-11, 2^10): v = m·2^e with e in [-63, -43].
        if (biased is < 1012 or > 1032)
        {
            return false;
        }

        var fraction = (ulong)bits & ((1UL << 52) - 1);
        var m = fraction | (1UL << 52);

        // In units of 2^(e-2), e = biased − 1075: the value 4m, its neighbours' midpoints 4m ± 2 (the lower one 4m − 1
        // at a power of two). Scaled by 10^q / 2^shift, 17 significant digits are the integer part.
        var shift = 1077 - biased;
        var p = FirstDigit[biased - 1012];
        var mid = Times10(4 * m, 16 - p);
        if ((mid >> shift) >= Pow10[17])
        {
            p++;
            mid = Times10(4 * m, 16 - p);
        }

        var unit = Pow10Wide[16 - p];
        var low = mid - (fraction == 0 ? unit : unit << 1);
        var high = mid + (unit << 1);
        var (l, lExact) = Floor(low, shift);
        var (v, _) = Floor(mid, shift);
        var (u, uExact) = Floor(high, shift);

        // The coarsest power of ten with a multiple strictly inside (l, u): l and u are the edges' floors, and an
        // inexact edge lies above its floor. Edges exactly on a multiple (their reading depends on the parser's tie
        // rule) go to the runtime.
        ulong step = 1, first = 0, last = 0;
        var found = -1;
        for (var (j, t, lj, uj) = (0, 1UL, l, u); j <= 16; j++, t *= 10, lj /= 10, uj /= 10)
        {
            if ((lExact && l % t == 0) || (uExact && u % t == 0))
            {
                return false;
            }

            if (lj + 1 > uj)
            {
                break;
            }

            (found, step, first, last) = (j, t, lj + 1, uj);
        }

        if (found < 0)
        {
            return false;
        }

        // The multiple of step nearest the value: its remainder (with the fraction below the integer) against half a step.
        var c = v / step;
        var rest = mid - ((UInt128)(c * step) << shift);
        var half = (UInt128)step << (shift - 1);
        if (rest == half)
        {
            return false;
        }

        c = Math.Clamp(rest > half ? c + 1 : c, first, last);
        var digits = 17 - found;
        if (c < Pow10[digits - 1] || c >= Pow10[digits])
        {
            return false;
        }

        written = Write(c, digits, p, value < 0, to);
        return true;
    }

    // x·10^q: one 64 × 64-bit product below 10^20.
    private static UInt128 Times10(ulong x, int q)
    {
        if (q < 20)
        {
            var high = Math.BigMul(x, Pow10[q], out var low);
            return new UInt128(high, low);
        }

        return x * Pow10Wide[q];
    }

    // floor(x / 2^shift), and whether the division is exact.
    private static (ulong Floor, bool Exact) Floor(UInt128 x, int shift)
    {
        var floor = x >> shift;
        return ((ulong)floor, floor << shift == x);
    }

    // c has `digits` digits, the first of weight 10^p (p in [-4, 3]).
    private static int Write(ulong c, int digits, int p, bool negative, Span<byte> to)
    {
        var at = 0;
        if (negative)
        {
            to[at++] = (byte)'-';
        }

        if (p < 0)
        {
            to[at++] = (byte)'0';
            to[at++] = (byte)'.';
            for (var z = 0; z < -p - 1; z++)
            {
                to[at++] = (byte)'0';
            }

            return at + Digits(c, digits, 0, to[at..]);
        }

        var whole = p + 1;
        if (digits <= whole)
        {
            Digits(c, digits, 0, to[at..]);
            to.Slice(at + digits, whole - digits).Fill((byte)'0');
            return at + whole;
        }

        return at + Digits(c, digits, whole, to[at..]);
    }

    // Writes c's digits, a point after the first `point` of them when 0 < point < digits; returns the length.
    private static int Digits(ulong c, int digits, int point, Span<byte> to)
    {
        var length = digits + (point > 0 ? 1 : 0);
        var end = length;
        var d = digits;
        while (d >= 2 && !(point > 0 && d - 2 < point && d > point))
        {
            // Two digits at a time while no point falls between them.
            var next = c / 100;
            var pair = (int)(c - (next * 100)) * 2;
            to[--end] = Pairs[pair + 1];
            to[--end] = Pairs[pair];
            c = next;
            d -= 2;
            if (point > 0 && d == point)
            {
                to[--end] = (byte)'.';
            }
        }

        while (d > 0)
        {
            var next = c / 10;
            to[--end] = (byte)('0' + (c - (next * 10)));
            c = next;
            d--;
            if (point > 0 && d == point && d > 0)
            {
                to[--end] = (byte)'.';
            }
        }

        return length;
    }
}
