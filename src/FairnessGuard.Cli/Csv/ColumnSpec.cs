namespace FairnessGuard.Cli.Csv;

/// <summary>The columns a command reads: the group column(s), the score and an optional label.</summary>
/// <param name="Groups">One or more group columns; several form the intersection (values joined by <see cref="GroupSeparator"/>).</param>
/// <param name="Score">The model's output column.</param>
/// <param name="Label">The true outcome column, if any.</param>
internal sealed record ColumnSpec(IReadOnlyList<string> Groups, string Score, string? Label = null)
{
    /// <summary>Joins the values of several group columns into one intersectional group key.</summary>
    public const string GroupSeparator = "/";
}
