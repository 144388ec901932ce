namespace FairnessGuard.Cli.Commands;

/// <summary>The cancellation token of the running command (flows with the call, so in-process runs do not share it).</summary>
internal static class CliCancellation
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The running command's token.</summary>
    public static CancellationToken Token
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when cancelled; called every few thousand rows.</summary>
    public static void ThrowIfCancelled() => Current.Value.ThrowIfCancellationRequested();
}
