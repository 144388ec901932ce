using System.CommandLine;
using System.Security.Cryptography;
using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Cli.Output;
using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Commands;

/// <summary>
/// <c>fairness-guard merge STATE… [--report R]</c>: adds the per-group sketches that <c>audit --save-state</c>
/// wrote for each shard and audits the whole, with the verdict and exit codes of <c>audit --sketch</c>.
/// </summary>
internal static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("STATE") { Description = "State files written by 'audit --save-state', one per shard.", Arity = ArgumentArity.OneOrMore };
        var threshold = CommonOptions.OptionalReal("--threshold", "Decision threshold for selection rates; default: the one the shards were saved with (exact counts); another one is estimated from the sketches.", double.MinValue, double.MaxValue, true, true);
        var favorable = CommonOptions.Choice("--favorable", "Which side of the threshold is favourable (used when not given: the side the shards were saved with).", FavorableOutcome.High);
        var tolerance = CommonOptions.Real("--tolerance", "Largest acceptable KS unfairness; exit 1 when its DKW lower bound is above it.", 0.05, 0, 1, true, false);
        var confidence = CommonOptions.Real("--confidence", "Confidence of the DKW lower bound.", 0.95, 0, 1, false, false);
        var minGroup = CommonOptions.OptionalInteger("--min-group-size", "Rows a group needs to count as evidence; default: from the DKW band at the tolerance.", 1, int.MaxValue);
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report of the merged audit to this file." };
        var format = CommonOptions.Choice("--format", "Output format.", AuditFormat.Text);

        var command = new Command("merge", "Merge the shard states of 'audit --save-state' and audit the whole. Exit 0 within tolerance, 1 on a violation, 2 on bad input, 3 on too little evidence.")
        {
            files, threshold, favorable, tolerance, confidence, minGroup, report, format,
        };
        command.SetAction(parse => CommonOptions.Guarded(console, () =>
        {
            var paths = parse.GetValue(files)!;
            var reportPath = parse.GetValue(report);
            SamePath.Refuse("--report", reportPath, paths);
            RefuseDuplicates(paths);
            var state = SketchState.Read(paths[0]);
            foreach (var path in paths.Skip(1))
            {
                CliCancellation.ThrowIfCancelled();
                state.Merge(SketchState.Read(path), path);
            }

            var settings = new AuditSettings(
                paths[0],
                new ColumnSpec(state.GroupColumns, state.ScoreColumn),
                parse.GetValue(threshold) ?? state.Threshold,
                parse.GetValue(tolerance),
                parse.GetValue(confidence),
                state.K)
            {
                Favorable = parse.GetResult(favorable) is { Implicit: false } ? parse.GetValue(favorable) : state.Favorable,
                MinGroupSize = parse.GetValue(minGroup),
            };
            var outcome = SketchAudit.Finish(settings, state, labels: null);
            return AuditCommand.Finish(console, outcome, reportPath, parse.GetValue(format));
        }));
        return command;
    }

    /// <summary>
    /// A shard given twice would count its rows twice and still look like a valid merge: refused when two arguments
    /// are the same file (through links) or have identical content (a copy of one shard's state).
    /// </summary>
    /// <exception cref="CsvInputException">Two of <paramref name="paths"/> are the same state.</exception>
    internal static void RefuseDuplicates(IReadOnlyList<string> paths)
    {
        var hashes = new byte[paths.Count][];
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (SamePath.Same(paths[i], paths[j]))
                {
                    throw new CsvInputException($"'{TextCap.Echo(paths[i])}' is the same file as '{TextCap.Echo(paths[j])}': each shard's state is merged once (given twice its rows would count twice).");
                }
            }

            hashes[i] = SHA256.HashData(File.ReadAllBytes(paths[i]));
            for (var j = 0; j < i; j++)
            {
                if (hashes[i].AsSpan().SequenceEqual(hashes[j]))
                {
                    throw new CsvInputException($"'{TextCap.Echo(paths[i])}' has the same content as '{TextCap.Echo(paths[j])}' (SHA-256 {Convert.ToHexString(hashes[i])[..16]}…): the same shard's state given twice would count its rows twice; merge each shard once.");
                }
            }
        }
    }
}
