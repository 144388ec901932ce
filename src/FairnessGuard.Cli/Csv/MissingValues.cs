using System.Globalization;

namespace FairnessGuard.Cli.Csv;

/// <summary>The missing-value markers of prediction files: empty, <c>NA</c> and <c>?</c> (R and UCI conventions).</summary>
internal static class MissingValues
{
    /// <summary>Whether a raw field means "no value".</summary>
    public static bool IsMissing(string field)
    {
        var s = field.AsSpan().Trim();
        return s.IsEmpty || s.Equals("NA", StringComparison.OrdinalIgnoreCase) || s is "?";
    }

    /// <summary>Parses a numeric field: NaN when missing, false when it is neither missing nor a number.</summary>
    public static bool TryParseNumber(string field, out double value)
    {
        if (IsMissing(field))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(field.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a label: a number, or yes/no and true/false as 1/0 (classification files often spell labels so).</summary>
    public static bool TryParseLabel(string field, out double value)
    {
        var s = field.AsSpan().Trim();
        if (s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = 1;
            return true;
        }

        if (s.Equals("no", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = 0;
            return true;
        }

        return TryParseNumber(field, out value);
    }
}
