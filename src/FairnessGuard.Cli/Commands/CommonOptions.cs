using System.CommandLine;
using System.Globalization;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Commands;

/// <summary>Options and error handling shared by the commands.</summary>
internal static class CommonOptions
{
    /// <summary>--group COL, repeatable: several columns form the intersection.</summary>
    public static Option<string[]> Group() => new("--group")
    {
        Description = "The sensitive attribute column; repeat for the intersection of several (values joined by '/').",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>--score COL.</summary>
    public static Option<string> Score() => new("--score") { Description = "The model output column.", Required = true };

    /// <summary>Adds a validator that keeps a number in [low, high] (or (low, high)).</summary>
    public static void InRange(Option<double> option, double low, double high, bool inclusive)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            var ok = inclusive ? value >= low && value <= high : value > low && value < high;
            if (!ok)
            {
                var range = inclusive ? $"[{low}, {high}]" : $"({low}, {high})";
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be in {range}; got {value}."));
            }
        });
    }

    /// <summary>Runs a command body, turning bad input into exit code 2 with a message that names the line and column.</summary>
    public static int Guarded(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CsvInputException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
