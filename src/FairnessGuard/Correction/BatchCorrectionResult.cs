namespace FairnessGuard.Correction;

/// <summary>What a batch correction did.</summary>
/// <param name="Rows">The rows written to the destination.</param>
/// <param name="NonFinitePassedThrough">The rows whose output was NaN or ±∞ and was copied unchanged.</param>
public readonly record struct BatchCorrectionResult(int Rows, int NonFinitePassedThrough);
