using System.Runtime.InteropServices;
using FairnessGuard.Cli;
using FairnessGuard.Cli.Commands;
using FairnessGuard.Cli.Csv;

// SIGINT/SIGTERM: delete the temporary output in flight, say so, and exit 130/143 (the reading thread may be
// blocked on a pipe, so the handler does the clean-up itself instead of waiting for the loop to notice). The exit
// code is decided before anything is cancelled: a command that notices the cancellation and returns first still
// exits with the signal's code, after the handler has said what it deleted.
using var cancel = new CancellationTokenSource();
var signalExit = 0;
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
    if (Interlocked.CompareExchange(ref signalExit, code, 0) != 0)
    {
        return;
    }

    var removed = AtomicFile.CancelAll();
    var what = removed.Count == 0 ? "nothing had been written" : $"deleted the partial output {string.Join(", ", removed)}";
    Console.Error.WriteLine($"cancelled by {(context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT")}: {what}; no output or report was written.");
    Console.Error.Flush();
    cancel.Cancel();
    Environment.Exit(code);
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
var exit = FairnessGuardCli.Run(args, Console.Out, Console.Error, cancel.Token);
var signalled = Volatile.Read(ref signalExit);
return signalled != 0 ? signalled : exit;
