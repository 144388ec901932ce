namespace FairnessGuard.Correction;

/// <summary>
/// Do no harm when fair (docs/guard.md): the level of the per-rebuild test that decides whether the raw outputs are
/// corrected at all. A group's raw KS distance to the rest, scaled by <c>√(n_s(N − n_s)/N)</c>, is under a fair stream
/// Kolmogorov-distributed, with root-mean-square <c>π/√12 ≈ 0.907</c> (<c>E[K²] = π²/12</c>). Correcting a gap no
/// larger than that adds the map's own estimation error (of the same size) and removes nothing real, so correction
/// starts only when the gap exceeds it: for two groups, the two-sample critical value <c>√(ln(2/α)/2)</c> at
/// <c>α₀ = 2·e^(−π²/6) ≈ 0.386</c> is exactly <c>π/√12</c>. With K groups the largest of K − 1 independent gaps is
/// compared at the Šidák level <c>1 − (1 − α₀)^(1/(K−1))</c>, so a fair stream of many groups crosses as rarely as a
/// fair pair. The test is re-taken at every rebuild on everything seen so far (no α-spending): a fair stream whose
/// gap once looked large stops being corrected when it no longer does.
/// </summary>
internal static class NoHarmRule
{
    /// <summary>α₀ = 2·e^(−π²/6): the two-sample KS tail <c>2e^(−2z²)</c> at the null's root-mean-square <c>z = π/√12</c>.</summary>
    public static readonly double Level = 2 * Math.Exp(-Math.PI * Math.PI / 6);

    /// <summary>The per-group level for <paramref name="groups"/> groups in play: Šidák over the K − 1 independent gaps.</summary>
    public static double GroupLevel(int groups) => groups <= 2 ? Level : 1 - Math.Pow(1 - Level, 1.0 / (groups - 1));
}
