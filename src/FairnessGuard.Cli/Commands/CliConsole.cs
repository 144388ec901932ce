using Spectre.Console;

namespace FairnessGuard.Cli.Commands;

/// <summary>Where a command writes, and whether a person is watching (then long inputs get a progress bar).</summary>
/// <param name="Output">Reports and summaries.</param>
/// <param name="Error">Error messages.</param>
/// <param name="Interactive">Whether the output is a terminal.</param>
internal sealed record CliConsole(TextWriter Output, TextWriter Error, bool Interactive)
{
    /// <summary>Inputs at least this large get a progress bar on a terminal.</summary>
    public const long ProgressMinBytes = 32L << 20;

    /// <summary>Runs <paramref name="work"/>, with a Spectre progress bar fed its progress callback when the input is long and a terminal is watching.</summary>
    public T WithProgress<T>(string description, string path, Func<Action<long, long>?, T> work)
    {
        if (!Interactive || !File.Exists(path) || new FileInfo(path).Length < ProgressMinBytes)
        {
            return work(null);
        }

        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: 1);
                var result = work((position, length) => task.Value = length == 0 ? 1 : position / (double)length);
                task.Value = 1;
                return result;
            });
    }
}
