using System.CommandLine;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Cli.Output;
using FairnessGuard.Cli.Report;

namespace FairnessGuard.Cli.Commands;

/// <summary><c>fairness-guard audit FILE --group COL --score COL …</c>: the demographic-parity audit, a CI gate.</summary>
internal static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The prediction CSV (header required; delimiter detected)." };
        var group = CommonOptions.Group();
        var score = CommonOptions.Score();
        var label = new Option<string?>("--label") { Description = "The true outcome column: accuracy with a threshold and 0/1 labels, else MSE." };
        var threshold = new Option<double?>("--threshold") { Description = "Decision threshold t (selected when score >= t) for selection rates and the four-fifths rule." };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest acceptable KS unfairness; exit 1 when its DKW lower bound is above it.", DefaultValueFactory = _ => 0.05 };
        var confidence = new Option<double>("--confidence") { Description = "Confidence of the DKW lower bound, in (0, 1).", DefaultValueFactory = _ => 0.95 };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report with plots to this file." };
        var sketch = new Option<int?>("--sketch") { Description = "Audit in constant memory with per-group KLL quantile sketches of this k (e.g. 2000) instead of exactly; for inputs too large to hold." };
        var format = new Option<AuditFormat>("--format") { Description = "text, json or markdown.", DefaultValueFactory = _ => AuditFormat.Text };
        CommonOptions.InRange(tolerance, 0, 1, inclusive: true);
        CommonOptions.InRange(confidence, 0, 1, inclusive: false);

        var command = new Command("audit", "Measure demographic parity of a score column by group. Exit 0 within tolerance, 1 on a violation, 2 on bad input.")
        {
            file, group, score, label, threshold, tolerance, confidence, report, format, sketch,
        };
        command.SetAction(parse => CommonOptions.Guarded(console, () =>
        {
            var settings = new AuditSettings(
                parse.GetValue(file)!,
                new ColumnSpec(parse.GetValue(group)!, parse.GetValue(score)!, parse.GetValue(label)),
                parse.GetValue(threshold),
                parse.GetValue(tolerance),
                parse.GetValue(confidence),
                parse.GetValue(sketch));
            var outcome = console.WithProgress("auditing", settings.Path, progress => AuditOutcome.Run(settings, progress));
            if (parse.GetValue(report) is { } reportPath)
            {
                AtomicFile.Write(reportPath, writer => HtmlReport.Write(outcome, writer));
            }

            switch (parse.GetValue(format))
            {
                case AuditFormat.Json:
                    JsonAuditWriter.Write(outcome, console.Output);
                    break;
                case AuditFormat.Markdown:
                    MarkdownAuditWriter.Write(outcome, console.Output);
                    break;
                default:
                    TextAuditWriter.Write(outcome, console.Output);
                    break;
            }

            return outcome.Violation ? ExitCodes.Violation : ExitCodes.Ok;
        }));
        return command;
    }
}
