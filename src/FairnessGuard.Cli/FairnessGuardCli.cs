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
    /// <returns>0 done and within tolerance, 1 a parity violation, 2 bad input, 3 not enough evidence, 70 an internal error, 130 cancelled (docs/cli.md).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CancellationToken.None);

    /// <summary>Runs the command line; <paramref name="cancellation"/> stops a long command (its partial output is deleted, exit 130).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where reports go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellation">Cancels the command between rows.</param>
    /// <returns>The exit code (see <see cref="Run(string[], TextWriter, TextWriter)"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation)
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
            MergeCommand.Create(console),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"error: {Csv.TextCap.Echo(problem.Message)}");
            }

            error.WriteLine("Run 'fairness-guard --help' for usage.");
            return ExitCodes.BadInput;
        }

        CliCancellation.Token = cancellation;
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
#pragma warning disable CA1031 // A CI gate must not answer an unexpected error with exit 1 ("violation") or a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"internal error ({ex.GetType().Name}): {Csv.TextCap.Echo(ex.Message)}; please report it.");
            return ExitCodes.InternalError;
        }
    }
}
