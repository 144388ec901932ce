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

    internal void Validate()
    {
        if (!(Strength >= 0 && Strength <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Strength), Strength, "Strength (λ) must be in [0, 1].");
        }
    }
}
