namespace FairnessGuard;

/// <summary>What a fairness policy does to the outputs it sees.</summary>
public enum PolicyMode
{
    /// <summary>Correct every output toward parity, and measure.</summary>
    Enforce = 0,

    /// <summary>Measure parity and report violations, but return outputs unchanged.</summary>
    Monitor = 1,
}
