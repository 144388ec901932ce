using FairnessGuard.Cli.Audit;

namespace FairnessGuard.Cli.Output;

/// <summary>The plain-text audit: the runtime report's table, the file counts, label error and the verdict.</summary>
internal static class TextAuditWriter
{
    /// <summary>Writes the audit.</summary>
    public static void Write(AuditOutcome outcome, TextWriter output)
    {
        var s = outcome.Settings;
        output.WriteLine($"audit of {s.Path}: score '{s.Columns.Score}' by '{string.Join(Csv.ColumnSpec.GroupSeparator, s.Columns.Groups)}', {Numbers.Count(outcome.Data.Groups.Length)} rows");
        if (outcome.Data.MissingGroup > 0)
        {
            output.WriteLine($"{Numbers.Count(outcome.Data.MissingGroup)} rows without a group value left out");
        }

        output.Write(outcome.Report.ToString());
        if (outcome.Labels is { } labels)
        {
            var perGroup = outcome.Grouped.Groups.Select((g, i) => $"{g} {Numbers.F4(labels.PerGroup[i])}");
            output.WriteLine($"label '{s.Columns.Label}': {labels.Kind} {Numbers.F4(labels.Overall)} overall; {string.Join(", ", perGroup)}");
        }

        output.WriteLine(Verdict.Describe(outcome));
    }
}
