using System.CommandLine;
using FairnessGuard.Cli.Commands;

namespace FairnessGuard.Cli;

/// <summary>
/// The <c>fairness-guard</c> command line: <c>audit</c> (a demographic-parity CI gate with an HTML report)
/// and <c>correct</c> (the barycenter correction of a prediction file). Callable in-process by samples and tests.
/// </summary>
public static class FairnessGuardCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, e.g. <c>["audit", "preds.csv", "--group", "gender", "--score", "p"]</c>.</param>
    /// <param name="output">Where reports go (standard output for the tool).</param>
    /// <param name="error">Where errors go (standard error for the tool).</param>
    /// <returns>0 done and within tolerance, 1 a parity violation, 2 bad input.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var console = new CliConsole(output, error, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        var root = new RootCommand("fairness-guard: audit and correct model outputs for demographic parity.")
        {
            AuditCommand.Create(console),
            CorrectCommand.Create(console),
            FitCommand.Create(console),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"error: {problem.Message}");
            }

            error.WriteLine("Run 'fairness-guard --help' for usage.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
