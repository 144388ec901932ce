namespace FairnessGuard.Cli.Commands;

/// <summary>The exit codes of <c>fairness-guard</c>, a CI gate.</summary>
internal static class ExitCodes
{
    /// <summary>Done; the audited gap is within tolerance.</summary>
    public const int Ok = 0;

    /// <summary>The audit found a violation (the KS gap's DKW lower bound is above the tolerance).</summary>
    public const int Violation = 1;

    /// <summary>Bad input: unknown option, missing column, malformed file; nothing was written.</summary>
    public const int BadInput = 2;
}
