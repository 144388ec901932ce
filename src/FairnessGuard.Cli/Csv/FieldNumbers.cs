using System.Globalization;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Numbers from field bytes, without decoding them to text: invariant culture (or a decimal comma), plus
/// <c>inf</c>, <c>-inf</c>, <c>infinity</c> and <c>nan</c> in any case (what pandas and R write); missing
/// values (<see cref="MissingValues"/>) read as NaN, and for labels <c>yes</c>/<c>true</c> as 1 and
/// <c>no</c>/<c>false</c> as 0.
/// </summary>
internal static class FieldNumbers
{
    /// <summary>What an error says a number may look like.</summary>
    public const string Expected = "missing values are empty, NA or ?; ±inf and NaN are read in any case";

    private static readonly double[] Powers = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Reads a score or label field (blanks around it ignored); false when it is not a number.</summary>
    public static bool TryParseField(ReadOnlySpan<byte> field, bool label, bool decimalComma, out double value)
    {
        var s = Trim(field);
        if (MissingValues.IsMissing(s))
        {
            value = double.NaN;
            return true;
        }

        if (label)
        {
            if (EqualsIgnoreCase(s, "yes"u8) || EqualsIgnoreCase(s, "true"u8))
            {
                value = 1;
                return true;
            }

            if (EqualsIgnoreCase(s, "no"u8) || EqualsIgnoreCase(s, "false"u8))
            {
                value = 0;
                return true;
            }
        }

        return TryParseNumber(s, decimalComma, out value);
    }

    /// <summary>Parses a number from ASCII bytes: invariant culture (or a decimal comma), plus inf, -inf, infinity and nan in any case.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> s, bool decimalComma, out double value)
    {
        if (!decimalComma && TryParsePlainDecimal(s, out value))
        {
            return true;
        }

        if (s.Length <= 64)
        {
            Span<byte> copy = stackalloc byte[64];
            scoped ReadOnlySpan<byte> text = s;
            if (decimalComma)
            {
                s.CopyTo(copy);
                copy = copy[..s.Length];
                for (var i = 0; i < copy.Length; i++)
                {
                    copy[i] = copy[i] switch
                    {
                        (byte)',' => (byte)'.',
                        (byte)'.' => (byte)'_', // a period is a thousands separator there: refuse rather than misread
                        _ => copy[i],
                    };
                }

                text = copy;
            }

            if (TryParsePlainDecimal(text, out value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            var sign = 1.0;
            var body = text;
            if (body.Length > 0 && (body[0] == (byte)'-' || body[0] == (byte)'+'))
            {
                sign = body[0] == (byte)'-' ? -1 : 1;
                body = body[1..];
            }

            if (EqualsIgnoreCase(body, "inf"u8) || EqualsIgnoreCase(body, "infinity"u8))
            {
                value = sign * double.PositiveInfinity;
                return true;
            }

            if (EqualsIgnoreCase(body, "nan"u8))
            {
                value = double.NaN;
                return true;
            }
        }

        value = double.NaN;
        return false;
    }

    /// <summary>
    /// The common case without the general parser: <c>[+-]digits[.digits]</c> with at most 15 digits. Then the
    /// digits form an integer m &lt; 2⁵³ and the value is m / 10^f with f ≤ 15, both exact doubles, so the one
    /// division is correctly rounded — the same double <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>
    /// gives (Clinger's fast path). Anything else (an exponent, more digits, blanks, inf/nan) goes to the general parser.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < s.Length; i++)
        {
            var d = s[i] - (byte)'0';
            if ((uint)d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
                fraction += fraction >= 0 ? 1 : 0;
            }
            else if (s[i] == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits is 0 or > 15)
        {
            return false;
        }

        var magnitude = fraction > 0 ? mantissa / Powers[fraction] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>The bytes without leading and trailing spaces and tabs.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && (s[start] == (byte)' ' || s[start] == (byte)'\t'))
        {
            start++;
        }

        while (end > start && (s[end - 1] == (byte)' ' || s[end - 1] == (byte)'\t'))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lower)
    {
        if (bytes.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return true;
    }
}
