namespace FairnessGuard.Cli.Commands;

/// <summary>The exit codes of <c>fairness-guard</c>, a CI gate (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Done; the audited gap is within tolerance and every group had enough rows to show a violation.</summary>
    public const int Ok = 0;

    /// <summary>The audit found a violation (the KS gap's DKW lower bound is above the tolerance).</summary>
    public const int Violation = 1;

    /// <summary>Bad input: unknown option, bad value, missing column, malformed file, output equal to an input; nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>No violation found, but too little evidence to pass: fewer than two groups large enough to ever show a violation at the tolerance.</summary>
    public const int InsufficientEvidence = 3;

    /// <summary>A bug: an unexpected error (reported without a stack trace); nothing was written.</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled by SIGINT (Ctrl+C) or in-process cancellation; partial output deleted.</summary>
    public const int Cancelled = 130;

    /// <summary>Terminated by SIGTERM; partial output deleted.</summary>
    public const int Terminated = 143;
}
