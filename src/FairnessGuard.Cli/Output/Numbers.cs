using System.Globalization;

namespace FairnessGuard.Cli.Output;

/// <summary>Invariant-culture number formatting shared by the writers.</summary>
internal static class Numbers
{
    /// <summary>Four decimals, or "n/a" for NaN.</summary>
    public static string F4(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Four decimals of an optional value, or "n/a".</summary>
    public static string F4(double? value) => value is { } v ? F4(v) : "n/a";

    /// <summary>Up to four decimals, trailing zeros dropped.</summary>
    public static string G(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A quantile level as a column name: 0.1 → q10.</summary>
    public static string QuantileName(double level) => "q" + (level * 100).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
