using System.Text;
using FairnessGuard.Cli.Audit;

namespace FairnessGuard.Cli.Output;

/// <summary>The audit as Markdown (a CI job summary or a pull-request comment).</summary>
internal static class MarkdownAuditWriter
{
    /// <summary>Writes the audit.</summary>
    public static void Write(AuditOutcome outcome, TextWriter output)
    {
        var s = outcome.Settings;
        var r = outcome.Figures;
        output.WriteLine($"## Fairness audit: `{s.Columns.Score}` by `{string.Join(Csv.ColumnSpec.GroupSeparator, s.Columns.Groups)}`");
        output.WriteLine();
        output.WriteLine($"{Numbers.Count(outcome.Rows)} rows from `{Path.GetFileName(s.Path)}`" +
            (outcome.MissingGroup > 0 ? $"; {Numbers.Count(outcome.MissingGroup)} rows without a group left out" : string.Empty) +
            (r.NonFiniteCount > 0 ? $"; {Numbers.Count(r.NonFiniteCount)} missing or non-finite scores left out" : string.Empty) + ".");
        output.WriteLine();
        output.WriteLine(Header(outcome));
        foreach (var line in Rows(outcome))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        var pair = r.KsPair is { } p ? $" ({p.First} vs {p.Second})" : string.Empty;
        output.WriteLine($"- **KS unfairness** {Numbers.F4(r.KsUnfairness)}{pair}; DKW lower bound {Numbers.F4(r.KsLowerBound)} at {Numbers.G(r.Confidence)} confidence");
        if (r.DpDifference is { } diff)
        {
            var flag = r.FailsFourFifths == true ? " — **fails the four-fifths rule**" : string.Empty;
            output.WriteLine($"- threshold {Numbers.G(r.Threshold ?? double.NaN)} ({Verdict.FavorableText(outcome)}): DP difference {Numbers.F4(diff)}, DP ratio {Numbers.F4(r.DpRatio)}{flag}");
        }

        if (outcome.Labels is { } labels)
        {
            output.WriteLine($"- label `{s.Columns.Label}`: {labels.Kind} {Numbers.F4(labels.Overall)} overall");
        }

        if (r.Method != "exact")
        {
            output.WriteLine($"- {r.Method}");
        }

        if (Verdict.Insufficient(outcome) is { } small)
        {
            output.WriteLine($"- {small}");
        }

        output.WriteLine($"- **{Verdict.Describe(outcome)}**");
        if (outcome.Labels is { } metrics)
        {
            output.WriteLine();
            output.WriteLine(LabelLines.Summary(metrics, s.Columns.Label!));
            output.WriteLine();
            output.WriteLine("| " + string.Join(" | ", LabelLines.Columns(metrics)) + " |");
            output.WriteLine("|" + string.Concat(LabelLines.Columns(metrics).Select(_ => " --- |")));
            foreach (var row in LabelLines.Rows(metrics))
            {
                output.WriteLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }
        }
    }

    private static string Header(AuditOutcome outcome)
    {
        var r = outcome.Figures;
        var names = new List<string> { "group", "n", "share", "mean" };
        names.AddRange(r.QuantileLevels.Select(Numbers.QuantileName));
        names.AddRange(["KS to pool", "W1 to pool"]);
        if (r.Threshold is not null)
        {
            names.Add("selection rate");
        }

        if (outcome.Labels is { } labels)
        {
            names.Add(labels.Kind);
        }

        return "| " + string.Join(" | ", names) + " |\n|" + string.Concat(Enumerable.Repeat(" --- |", names.Count));
    }

    private static IEnumerable<string> Rows(AuditOutcome outcome)
    {
        var r = outcome.Figures;
        for (var i = 0; i < r.Groups.Count; i++)
        {
            var g = r.Groups[i];
            var row = new StringBuilder($"| {g.Group} | {g.Count} | {Numbers.F4(g.Share)} | {Numbers.F4(g.Mean)} |");
            foreach (var q in g.Quantiles)
            {
                row.Append($" {Numbers.F4(q)} |");
            }

            row.Append($" {Numbers.F4(g.KsToPool)} | {Numbers.F4(g.W1ToPool)} |");
            if (r.Threshold is not null)
            {
                row.Append($" {Numbers.F4(g.SelectionRate)} |");
            }

            if (outcome.Labels is { } labels)
            {
                row.Append($" {Numbers.F4(labels.PerGroup[i])} |");
            }

            yield return row.ToString();
        }
    }
}
