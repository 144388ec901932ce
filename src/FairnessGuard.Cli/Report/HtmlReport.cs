using System.Net;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Output;

namespace FairnessGuard.Cli.Report;

/// <summary>The audit as one self-contained HTML file: inline SVG charts and the tables, no scripts, no links.</summary>
internal static class HtmlReport
{
    /// <summary>Writes the report.</summary>
    public static void Write(AuditOutcome outcome, TextWriter html)
    {
        var data = ReportData.Build(outcome);
        var s = outcome.Settings;
        var title = $"Fairness audit: {s.Columns.Score} by {string.Join(Csv.ColumnSpec.GroupSeparator, s.Columns.Groups)}";
        html.WriteLine("<!DOCTYPE html>");
        html.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title>");
        html.WriteLine("<style>body{font-family:sans-serif;margin:16px 24px;color:#222;background:#fff}" +
            "table{border-collapse:collapse;margin:6px 0 18px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}" +
            "th{background:#f3f3f3}td:first-child{text-align:left}.fail{color:#b00020;font-weight:bold}.pass{color:#1b5e20;font-weight:bold}.warn{color:#8a5a00;font-weight:bold}" +
            "figure{margin:0 0 14px}h1{font-size:22px;margin:4px 0}p{margin:4px 0}</style></head><body>");
        html.WriteLine($"<h1>{E(title)}</h1>");
        html.WriteLine($"<p>{E(Path.GetFileName(s.Path))}: {Numbers.Count(outcome.Rows)} rows" +
            $"{(outcome.MissingGroup > 0 ? $", {Numbers.Count(outcome.MissingGroup)} without a group left out" : string.Empty)}.</p>");
        html.WriteLine($"<p class=\"banner {(outcome.Violation ? "fail" : outcome.InsufficientEvidence ? "warn" : "pass")}\">{E(Verdict.Describe(outcome))}</p>");
        if (Verdict.Insufficient(outcome) is { } small)
        {
            html.WriteLine($"<p class=\"warn\">{E(small)}</p>");
        }

        if (outcome.Figures.Method != "exact")
        {
            html.WriteLine($"<p>{E(outcome.Figures.Method)}; no correction preview (it needs the exact values).</p>");
        }

        if (data.CorrectedFigures is { } after)
        {
            html.WriteLine($"<p>Corrected (dashed, light): the exact barycenter map fitted on this file, as <code>correct --mode batch</code> " +
                $"without <code>--calibration</code> would apply it: KS unfairness {Numbers.F4(outcome.Figures.KsUnfairness)} → {Numbers.F4(after.KsUnfairness)}.</p>");
        }

        html.WriteLine($"<figure>{SmallMultiples.CdfPanels(data)}</figure>");
        html.WriteLine($"<figure>{SmallMultiples.SelectionRates(data)}</figure>");
        html.WriteLine("<h2>Raw scores</h2>");
        Table(html, outcome.Figures, data.Threshold, data.Raw);
        Summary(html, outcome.Figures);
        if (data.CorrectedFigures is { } corrected && data.Corrected is { } distributions)
        {
            html.WriteLine("<h2>After the barycenter correction (in-sample preview)</h2>");
            Table(html, corrected, data.Threshold, distributions);
            Summary(html, corrected);
        }

        if (outcome.Labels is { } labels)
        {
            html.WriteLine($"<h2>Error against the label '{E(s.Columns.Label!)}'</h2>");
            html.WriteLine($"<p>{E(LabelLines.Summary(labels, s.Columns.Label!))}.</p>");
            html.Write("<table><tr>");
            foreach (var column in LabelLines.Columns(labels))
            {
                html.Write($"<th>{E(column)}</th>");
            }

            html.WriteLine("</tr>");
            foreach (var row in LabelLines.Rows(labels))
            {
                html.WriteLine("<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>");
            }

            html.WriteLine("</table>");
        }

        html.WriteLine("<h2>How the numbers were computed</h2>");
        html.WriteLine($"<p>{E(HowComputed(outcome))}</p>");
        html.WriteLine("</body></html>");
    }

    private static void Table(TextWriter html, ParityFigures report, double threshold, IReadOnlyList<IScoreDistribution> distributions)
    {
        html.Write("<table><tr><th>group</th><th>n</th><th>share</th><th>mean</th>");
        foreach (var level in report.QuantileLevels)
        {
            html.Write($"<th>{Numbers.QuantileName(level)}</th>");
        }

        html.WriteLine($"<th>KS to pool</th><th>W1 to pool</th><th>selection rate (≥ {Numbers.G(threshold)})</th></tr>");
        for (var g = 0; g < report.Groups.Count; g++)
        {
            var row = report.Groups[g];
            html.Write($"<tr><td>{E(row.Group)}</td><td>{row.Count}</td><td>{Numbers.F4(row.Share)}</td><td>{Numbers.F4(row.Mean)}</td>");
            foreach (var q in row.Quantiles)
            {
                html.Write($"<td>{Numbers.F4(q)}</td>");
            }

            var rate = row.SelectionRate ?? distributions[g].ShareAtLeast(threshold);
            html.WriteLine($"<td>{Numbers.F4(row.KsToPool)}</td><td>{Numbers.F4(row.W1ToPool)}</td><td>{Numbers.F4(rate)}</td></tr>");
        }

        html.WriteLine("</table>");
    }

    private static void Summary(TextWriter html, ParityFigures report)
    {
        var pair = report.KsPair is { } p ? $" ({E(p.First)} vs {E(p.Second)})" : string.Empty;
        html.Write($"<p>KS unfairness {Numbers.F4(report.KsUnfairness)}{pair}, DKW lower bound {Numbers.F4(report.KsLowerBound)} at {Numbers.G(report.Confidence)} confidence");
        if (report.DpRatio is { } ratio)
        {
            html.Write($"; DP difference {Numbers.F4(report.DpDifference)}, DP ratio {Numbers.F4(ratio)}{(report.FailsFourFifths == true ? " <span class=\"fail\">fails the four-fifths rule</span>" : string.Empty)}");
        }

        html.WriteLine(".</p>");
    }

    private static string HowComputed(AuditOutcome outcome)
    {
        var s = outcome.Settings;
        var method = outcome.Figures.Method == "exact" ? "Exactly, from every finite score" : $"From per-group quantile sketches ({outcome.Figures.Method})";
        return $"{method}. KS is the largest gap between two groups' empirical CDFs; the verdict uses its DKW lower bound (KS minus each group's band √(ln(2k/δ)/2n), δ = 1 − {Numbers.G(s.Confidence)} split over the k groups), so chance gaps in small groups raise no alarm. " +
            $"A group needs {Numbers.Count(outcome.MinGroupSize)} rows before its band is narrower than 1 − tolerance ({Numbers.G(s.Tolerance)}); smaller groups are listed as insufficient evidence. " +
            (s.Threshold is { } t ? $"Selection rates count the favourable outcome ({Verdict.FavorableText(outcome)}, t = {Numbers.G(t)}); DP ratio = smallest / largest rate, failing the four-fifths rule under 0.8. " : "Without --threshold the selection-rate chart uses the pooled median. ") +
            (outcome.Labels is null ? string.Empty : "Label rates carry Wilson score intervals; disparities are to the reference group (default the largest). ") +
            "Quantiles are R-7 (linear interpolation); W1 is the Wasserstein-1 distance to the pooled scores.";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
