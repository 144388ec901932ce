using System.CommandLine;
using FairnessGuard.Cli.Correction;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Cli.Output;

namespace FairnessGuard.Cli.Commands;

/// <summary><c>fairness-guard correct FILE --group COL --score COL --output OUT …</c>: writes the fair scores.</summary>
internal static class CorrectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The predictions to correct: a CSV (streamed; header required) or a Parquet file." };
        var group = CommonOptions.Group();
        var score = CommonOptions.Score();
        var output = new Option<string>("--output") { Description = "The corrected file: every input column plus <score>_fair; Parquet when it ends in .parquet or with --output-format parquet.", Required = true };
        var mode = CommonOptions.Choice("--mode", "online: replay rows through ParityGuard; batch: exact barycenter map.", CorrectionMode.Batch);
        var calibration = new Option<string?>("--calibration") { Description = "Batch mode: fit the map on this file (outputs on data the model was not trained on); default the input." };
        var strength = CommonOptions.Real("--strength", "Strength λ: (1 − λ)·y + λ·y'.", 1.0, 0, 1, true, true);
        var seed = CommonOptions.Integer("--seed", "Seed of the tie-breaking draws and sketches (same seed, same output).", 42, 0, long.MaxValue);
        var warmUp = CommonOptions.Integer("--warm-up", "Online mode: rows a group needs before its scores are corrected.", 200, 1, int.MaxValue);
        var inputFormat = CommonOptions.Choice("--input-format", "How FILE is read: csv or parquet; by default from its extension (.parquet, else CSV).", InputFormat.Auto);
        var outputFormat = CommonOptions.Choice("--output-format", "How the output is written: csv or parquet; by default from its extension (.parquet, else CSV).", InputFormat.Auto);
        var encoding = CommonOptions.Encoding();
        var decimalComma = CommonOptions.DecimalComma();

        var command = new Command("correct", "Add <score>_fair, the score corrected toward demographic parity (Wasserstein barycenter).")
        {
            file, group, score, output, mode, calibration, strength, seed, warmUp, inputFormat, outputFormat, encoding, decimalComma,
        };
        command.SetAction(parse => CommonOptions.Guarded(console, () =>
        {
            var settings = new CorrectSettings(
                parse.GetValue(file)!,
                new ColumnSpec(parse.GetValue(group)!, parse.GetValue(score)!),
                parse.GetValue(output)!,
                parse.GetValue(mode),
                parse.GetValue(calibration),
                parse.GetValue(strength),
                (ulong)parse.GetValue(seed),
                (int)parse.GetValue(warmUp))
            {
                Encoding = parse.GetValue(encoding),
                DecimalComma = parse.GetValue(decimalComma),
                InputFormat = RowSources.Name(parse.GetValue(inputFormat)),
                OutputFormat = RowSources.Name(parse.GetValue(outputFormat)),
            };
            if (settings.Mode == CorrectionMode.Online && settings.CalibrationPath is not null)
            {
                throw new CsvInputException("--calibration applies to --mode batch only; online mode learns from the rows as they come.");
            }

            SamePath.Refuse("--output", settings.OutputPath, settings.Path, settings.CalibrationPath);
            var summary = console.WithProgress("correcting", settings.Path, progress => CorrectRunner.Run(settings, progress));
            console.Output.WriteLine(
                $"wrote {settings.OutputPath}: {Numbers.Count(summary.Rows)} rows, {Numbers.Count(summary.Corrected)} corrected, of which {Numbers.Count(summary.Changed)} changed ({settings.Mode.ToString().ToLowerInvariant()}, " +
                $"strength {Numbers.G(settings.Strength)}) into column {summary.FairColumn}; passed through: {Numbers.Count(summary.MissingScore)} missing scores, " +
                $"{Numbers.Count(summary.MissingGroup)} missing groups");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
