namespace FairnessGuard.Correction;

/// <summary>Settings of the exact (batch) barycenter correction.</summary>
public sealed class BarycenterOptions
{
    /// <summary>
    /// The strength λ in [0, 1]: the output is <c>(1 − λ)·y + λ·y'</c>. 1 (the default) is full demographic
    /// parity; the KS reached is not linear in λ, so measure it.
    /// </summary>
    public double Strength { get; set; } = 1.0;

    /// <summary>The seed of the tie-breaking draws inside atoms. Same seed, same outputs.</summary>
    public ulong Seed { get; set; }

    /// <summary>
    /// Small-group shrinkage, as in the online guard (docs/guard.md, "Small groups"): each group's correction is
    /// scaled by <c>1 − w</c>, <c>w = min(1, ε²/D²)</c>, D the group's KS to the rest of the fitted outputs, ε the
    /// two-sample DKW half-width of D at <see cref="ShrinkageConfidence"/>. Off by default (the exact map).
    /// </summary>
    public bool Shrinkage { get; set; }

    /// <summary>The confidence of the DKW half-width in the shrinkage weight, in (0, 1). Default 0.95.</summary>
    public double ShrinkageConfidence { get; set; } = 0.95;

    internal void Validate()
    {
        if (!(ShrinkageConfidence > 0 && ShrinkageConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ShrinkageConfidence), ShrinkageConfidence, "ShrinkageConfidence must be in (0, 1).");
        }

        if (!(Strength >= 0 && Strength <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Strength), Strength, "Strength (λ) must be in [0, 1].");
        }
    }
}
