using System.CommandLine;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Cli.Output;
using FairnessGuard.Correction;

namespace FairnessGuard.Cli.Commands;

/// <summary>
/// <c>fairness-guard fit FILE --group COL --score COL --output CAL</c>: writes a calibration file
/// (<see cref="GuardCalibration"/> format) that primes an online guard (<c>ParityGuardOptions.CalibrationFile</c>).
/// </summary>
internal static class FitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Held-out predictions (not the model's training data): a CSV with a header." };
        var group = CommonOptions.Group();
        var score = CommonOptions.Score();
        var output = new Option<string>("--output") { Description = "The calibration file to write ('# fairness-guard calibration v1', then group,output rows).", Required = true };
        var command = new Command("fit", "Write a calibration file that primes the online guard, so it corrects from the first prediction.")
        {
            file, group, score, output,
        };
        command.SetAction(parse => CommonOptions.Guarded(console, () =>
        {
            var path = parse.GetValue(file)!;
            var target = parse.GetValue(output)!;
            var data = AuditData.Load(path, new ColumnSpec(parse.GetValue(group)!, parse.GetValue(score)!));
            ExactBarycenterCorrector<string> corrector;
            try
            {
                corrector = ExactBarycenterCorrector<string>.Fit(data.Scores, data.Groups);
            }
            catch (ArgumentException ex)
            {
                throw new CsvInputException(path, 0, 0, null, $"cannot calibrate: {ex.Message}");
            }

            var calibration = corrector.ToCalibration();
            calibration.Save(target);
            console.Output.WriteLine($"wrote {target}: {Numbers.Count(calibration.Count)} calibration outputs of {corrector.Groups.Count} groups; {Numbers.Count(corrector.ExcludedNonFinite)} non-finite left out");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
