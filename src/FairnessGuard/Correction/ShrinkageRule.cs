using FairnessGuard.Metrics;

namespace FairnessGuard.Correction;

/// <summary>
/// Small-group shrinkage (docs/guard.md, "Small groups"): a group's correction is shrunk toward no correction,
/// <c>y' = y + (1 − w_s)·(T(F_s(y)) − y)</c> (a point on the Wasserstein geodesic from the group's distribution to
/// the barycenter), with <c>w_s = ε_s² / (ε_s² + D_s²)</c>, where <c>ε_s = √(ln(2/δ) / (2 n_s))</c> is the DKW
/// half-width of the group's estimate and <c>D_s</c> the KS distance between the group and the barycenter. A gap
/// no larger than the noise (<c>D_s ≲ ε_s</c>) is mostly left alone; a gap well above it is corrected in full.
/// </summary>
internal static class ShrinkageRule
{
    /// <summary>The weight toward the barycenter for a group of <paramref name="samples"/> whose KS to it is <paramref name="gap"/>.</summary>
    public static double Weight(long samples, double gap, double confidence)
    {
        if (samples <= 0)
        {
            return 1;
        }

        var eps = DkwBound.Epsilon(samples, 1 - confidence);
        var e2 = eps * eps;
        return e2 / (e2 + (gap * gap));
    }

    /// <summary>KS distance between two quantile functions given on the same rank grid <c>k/(K−1)</c>.</summary>
    public static double KsOnGrids(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Max(OneSide(a, b), OneSide(b, a));

    // Evaluates the CDF of b (piecewise linear through its knots) at each knot of a: the largest gap to a's ranks.
    // (A map build gets both sides for each group from MixtureGap's walks, bit for bit: MixtureGapTests.)
    private static double OneSide(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var last = a.Length - 1;
        if (last < 1 || b.Length != a.Length)
        {
            return 0;
        }

        double d = 0;
        var j = 0;
        for (var k = 0; k <= last; k++)
        {
            d = Math.Max(d, Math.Abs(GridCdf.At(b, a[k], ref j) - (k / (double)last)));
        }

        return d;
    }
}
