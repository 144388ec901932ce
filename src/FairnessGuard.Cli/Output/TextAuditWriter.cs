using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Audit;

namespace FairnessGuard.Cli.Output;

/// <summary>The plain-text audit: a fixed-width table per group, the gap measures, label error and the verdict.</summary>
internal static class TextAuditWriter
{
    /// <summary>Writes the audit.</summary>
    public static void Write(AuditOutcome outcome, TextWriter output)
    {
        var s = outcome.Settings;
        var r = outcome.Figures;
        output.WriteLine($"audit of {s.Path}: score '{s.Columns.Score}' by '{string.Join(Csv.ColumnSpec.GroupSeparator, s.Columns.Groups)}', {Numbers.Count(outcome.Rows)} rows");
        if (outcome.MissingGroup > 0)
        {
            output.WriteLine($"{Numbers.Count(outcome.MissingGroup)} rows without a group value left out");
        }

        output.Write(Table(r));
        var pair = r.KsPair is { } p ? $" ({p.First} vs {p.Second})" : string.Empty;
        output.WriteLine($"KS unfairness {Numbers.F4(r.KsUnfairness)}{pair}, lower bound {Numbers.F4(r.KsLowerBound)} at {Numbers.G(r.Confidence)} confidence");
        if (r.DpDifference is { } diff)
        {
            var flag = r.FailsFourFifths == true ? " (fails the four-fifths rule)" : string.Empty;
            output.WriteLine($"threshold {Numbers.G(r.Threshold ?? double.NaN)} ({Verdict.FavorableText(outcome)}): DP difference {Numbers.F4(diff)}, DP ratio {Numbers.F4(r.DpRatio)}{flag}");
        }

        if (r.NonFiniteCount > 0)
        {
            output.WriteLine($"{Numbers.Count(r.NonFiniteCount)} missing or non-finite scores left out");
        }

        if (outcome.Labels is { } labels)
        {
            var perGroup = r.Groups.Select((g, i) => $"{g.Group} {Numbers.F4(labels.PerGroup[i])}");
            output.WriteLine($"label '{s.Columns.Label}': {labels.Kind} {Numbers.F4(labels.Overall)} overall; {string.Join(", ", perGroup)}");
            output.WriteLine(LabelLines.Summary(labels, s.Columns.Label!));
            var columns = LabelLines.Columns(labels);
            var rows = LabelLines.Rows(labels).ToArray();
            var widths = columns.Select((c, i) => Math.Min(40, rows.Select(row => row[i].Length).Append(c.Length).Max())).ToArray();
            output.WriteLine(string.Join("  ", columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            foreach (var row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            }
        }

        if (r.Method != "exact")
        {
            output.WriteLine(r.Method);
        }

        if (Verdict.Insufficient(outcome) is { } small)
        {
            output.WriteLine(small);
        }

        output.WriteLine(Verdict.Describe(outcome));
    }

    private static string Table(ParityFigures r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{"group",-16} {"n",9} {"share",7} {"mean",10}");
        foreach (var q in r.QuantileLevels)
        {
            sb.Append(c, $" {Numbers.QuantileName(q),9}");
        }

        sb.Append(c, $" {"KS(pool)",9} {"W1(pool)",10}");
        sb.AppendLine(r.Threshold is null ? string.Empty : $" {"sel.rate",9}");
        foreach (var g in r.Groups)
        {
            var name = g.Group.Length <= 16 ? g.Group : g.Group[..16];
            sb.Append(c, $"{name,-16} {g.Count,9} {g.Share,7:0.0000} {g.Mean,10:0.0000}");
            foreach (var v in g.Quantiles)
            {
                sb.Append(c, $" {v,9:0.0000}");
            }

            sb.Append(c, $" {g.KsToPool,9:0.0000} {g.W1ToPool,10:0.0000}");
            sb.AppendLine(g.SelectionRate is { } rate ? string.Create(c, $" {rate,9:0.0000}") : string.Empty);
        }

        return sb.ToString();
    }
}
