namespace FairnessGuard.Cli.Correction;

/// <summary>How <c>correct</c> computes the fair scores.</summary>
internal enum CorrectionMode
{
    /// <summary>Replay the rows in file order through the runtime <c>ParityGuard</c>, one at a time.</summary>
    Online,

    /// <summary>Fit the exact barycenter map on a calibration file (or the input) and apply it.</summary>
    Batch,
}
