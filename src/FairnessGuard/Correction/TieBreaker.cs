namespace FairnessGuard.Correction;

/// <summary>
/// The uniform draws that break ties inside atoms of the outputs' distribution. A draw is a pure function
/// of (seed, row index), a counter-based generator (SplitMix64 finaliser), so a row gets the same draw
/// whether it is corrected alone or inside a batch, and runs are reproducible.
/// </summary>
internal static class TieBreaker
{
    /// <summary>A uniform value in [0, 1) for row <paramref name="row"/> of stream <paramref name="seed"/>.</summary>
    public static double Uniform(ulong seed, long row)
    {
        var z = seed + (0x9E3779B97F4A7C15UL * (ulong)(row + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Derives an independent stream seed for stage <paramref name="stage"/> of a sequential correction.</summary>
    public static ulong StageSeed(ulong seed, int stage) => seed ^ (0xD1B54A32D192ED03UL * (ulong)(stage + 1));
}
