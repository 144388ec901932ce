namespace FairnessGuard.Correction;

/// <summary>
/// The uniform draws that break ties inside atoms of the outputs' distribution. A draw is a pure function
/// of (seed, row index), a counter-based generator (SplitMix64 finaliser), so a row gets the same draw
/// whether it is corrected alone or inside a batch, and runs are reproducible.
/// </summary>
internal static class TieBreaker
{
    /// <summary>A uniform value in [0, 1) for row <paramref name="row"/> of stream <paramref name="seed"/>.</summary>
    public static double Uniform(ulong seed, long row) =>
        Sketches.SplitMix64.ToUnitInterval(Sketches.SplitMix64.Mix(seed + (Sketches.SplitMix64.Golden * (ulong)(row + 1))));

    /// <summary>
    /// The stage whose seed draws whether a share λ &lt; 1 of a correction moves an output inside an atom (docs/guard.md,
    /// "Atoms"): apart from the tie-breaking draws and from the sequential corrector's attribute stages.
    /// </summary>
    public const int AtomStage = 1 << 20;

    /// <summary>
    /// The share <paramref name="lambda"/> of the move from <paramref name="y"/> to <paramref name="fair"/> for row
    /// <paramref name="row"/>: the geodesic step <c>(1 − λ)y + λ·fair</c>, except inside an atom of two or more calibration
    /// outputs (<paramref name="atomSize"/>), where a step changes no rank and λ is instead the chance of the whole move,
    /// drawn at <see cref="AtomStage"/> (docs/guard.md, "Atoms"). The exact corrector and the ML.NET table share it.
    /// </summary>
    public static double Share(double y, double fair, double lambda, int atomSize, ulong seed, long row) =>
        lambda == 1 ? fair
        : atomSize < 2 ? ((1 - lambda) * y) + (lambda * fair)
        : Uniform(StageSeed(seed, AtomStage), row) < lambda ? fair : y;

    /// <summary>Derives an independent stream seed for stage <paramref name="stage"/> of a sequential correction.</summary>
    public static ulong StageSeed(ulong seed, int stage) => seed ^ (0xD1B54A32D192ED03UL * (ulong)(stage + 1));
}
