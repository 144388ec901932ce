using System.CommandLine;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Cli.Output;
using FairnessGuard.Cli.Report;
using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

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
        var threshold = CommonOptions.OptionalReal("--threshold", "Decision threshold t (selected when score >= t, or < t with --favorable low) for selection rates and the four-fifths rule.", double.MinValue, double.MaxValue, true, true);
        var favorable = CommonOptions.Choice("--favorable", "Which side of the threshold is the favourable outcome: high (score >= t) or low (score < t, e.g. a denial score).", FavorableOutcome.High);
        var tolerance = CommonOptions.Real("--tolerance", "Largest acceptable KS unfairness; exit 1 when its DKW lower bound is above it.", 0.05, 0, 1, true, false);
        var confidence = CommonOptions.Real("--confidence", "Confidence of the DKW lower bound.", 0.95, 0, 1, false, false);
        var minGroup = CommonOptions.OptionalInteger("--min-group-size", "Rows a group needs to count as evidence; default: the smallest size whose DKW band can show a violation at the tolerance.", 1, int.MaxValue);
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report with plots to this file (its folder is created)." };
        var sketch = CommonOptions.OptionalInteger("--sketch", "Audit in constant memory with per-group KLL quantile sketches of this k (e.g. 2000) instead of exactly; for inputs too large to hold.", QuantileSketch.MinK, QuantileSketch.MaxK);
        var format = CommonOptions.Choice("--format", "Output format.", AuditFormat.Text);
        var reference = new Option<string?>("--reference") { Description = "With --label: the group the error-rate disparities are measured against (default: the largest group)." };
        var inputFormat = CommonOptions.Choice("--input-format", "How FILE is read: csv or parquet; by default from its extension (.parquet, else CSV).", InputFormat.Auto);
        var encoding = CommonOptions.Encoding();
        var decimalComma = CommonOptions.DecimalComma();
        var saveState = new Option<string?>("--save-state") { Description = "Also write this shard's per-group sketches (k from --sketch, default 2000) to FILE for 'fairness-guard merge'." };

        var command = new Command("audit", "Measure demographic parity of a score column by group. Exit 0 within tolerance, 1 on a violation, 2 on bad input, 3 on too little evidence.")
        {
            file, group, score, label, threshold, favorable, tolerance, confidence, minGroup, report, format, sketch, reference, inputFormat, encoding, decimalComma, saveState,
        };
        command.SetAction(parse => CommonOptions.Guarded(console, () =>
        {
            var settings = new AuditSettings(
                parse.GetValue(file)!,
                new ColumnSpec(parse.GetValue(group)!, parse.GetValue(score)!, parse.GetValue(label)),
                parse.GetValue(threshold),
                parse.GetValue(tolerance),
                parse.GetValue(confidence),
                (int?)parse.GetValue(sketch))
            {
                Favorable = parse.GetValue(favorable),
                MinGroupSize = parse.GetValue(minGroup),
                Encoding = parse.GetValue(encoding),
                DecimalComma = parse.GetValue(decimalComma),
                Reference = parse.GetValue(reference),
                InputFormat = RowSources.Name(parse.GetValue(inputFormat)),
            };
            var reportPath = parse.GetValue(report);
            var statePath = parse.GetValue(saveState);
            SamePath.Refuse("--report", reportPath, settings.Path);
            SamePath.Refuse("--save-state", statePath, settings.Path, reportPath);
            AuditOutcome outcome;
            if (statePath is null)
            {
                outcome = console.WithProgress("auditing", settings.Path, progress => AuditOutcome.Run(settings, progress));
            }
            else
            {
                var k = settings.SketchK ?? DefaultStateK;
                settings = settings with { SketchK = k };
                SketchState? state = null;
                outcome = console.WithProgress("auditing", settings.Path, progress => SketchAudit.Run(settings, k, progress, out state));
                AtomicFile.WriteBytes(statePath, state!.Write);
            }

            return Finish(console, outcome, reportPath, parse.GetValue(format));
        }));
        return command;
    }

    /// <summary>The sketch k of <c>--save-state</c> without <c>--sketch</c>: rank error ≈ 0.0016 at 99 %, ≈ 24 kB a group.</summary>
    internal const int DefaultStateK = 2000;

    /// <summary>Writes the report and the output, and returns the verdict's exit code (shared with <c>merge</c>).</summary>
    internal static int Finish(CliConsole console, AuditOutcome outcome, string? reportPath, AuditFormat format)
    {
        if (reportPath is not null)
        {
            AtomicFile.Write(reportPath, writer => HtmlReport.Write(outcome, writer));
        }

        switch (format)
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

        return outcome.Violation ? ExitCodes.Violation : outcome.InsufficientEvidence ? ExitCodes.InsufficientEvidence : ExitCodes.Ok;
    }
}
