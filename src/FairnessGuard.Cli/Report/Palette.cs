namespace FairnessGuard.Cli.Report;

/// <summary>The report's colours: one per group (cycled past eight), and the four-fifths line's own.</summary>
internal static class Palette
{
    /// <summary>The four-fifths reference line on the selection-rate chart.</summary>
    public const string FourFifthsLine = "#f0b400";

    private static readonly string[] Series = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>The colour of the i-th group.</summary>
    public static string Group(int index) => Series[index % Series.Length];
}
