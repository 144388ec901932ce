using System.Runtime.InteropServices;
using FairnessGuard.Cli;
using FairnessGuard.Cli.Commands;
using FairnessGuard.Cli.Csv;

// SIGINT/SIGTERM: delete the temporary output in flight, say so, and exit 130/143 (the reading thread may be
// blocked on a pipe, so the handler does the clean-up itself instead of waiting for the loop to notice).
using var cancel = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
    var removed = AtomicFile.CancelAll();
    var what = removed.Count == 0 ? "nothing had been written" : $"deleted the partial output {string.Join(", ", removed)}";
    Console.Error.WriteLine($"cancelled by {(context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT")}: {what}; no output or report was written.");
    Console.Error.Flush();
    Environment.Exit(context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled);
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return FairnessGuardCli.Run(args, Console.Out, Console.Error, cancel.Token);
