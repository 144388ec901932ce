namespace FairnessGuard.Correction;

/// <summary>
/// Small-group shrinkage (docs/guard.md, "Small groups"): a group's correction is shrunk toward no correction,
/// <c>y' = y + (1 − w_s)·(T(F_s(y)) − y)</c> (a point on the Wasserstein geodesic from the group's distribution to
/// the barycenter), with the positive-part James–Stein weight <c>w_s = min(1, ε_s² / D_s²)</c>, where <c>D_s</c> is the
/// KS distance between the group's outputs and the rest of the stream's and <c>ε_s = √(ln(2/δ)/2 · (1/n_s + 1/(N − n_s)))</c>
/// the two-sample DKW half-width of that distance. <c>D_s² − ε_s²</c> estimates the squared true gap, and correcting a
/// share <c>1 − w_s = (D_s² − ε_s²)/D_s²</c> of it balances the gap left against the map's own estimation error: a gap
/// within the noise (<c>D_s ≤ ε_s</c>) is left alone, a gap well above it corrected almost in full. Both sides of the
/// comparison count: a large group compared with a small rest is as uncertain as the rest.
/// </summary>
internal static class ShrinkageRule
{
    /// <summary>
    /// The weight toward no correction for a group of <paramref name="samples"/> out of <paramref name="total"/> whose
    /// KS distance to the rest of the stream is <paramref name="gapToRest"/>.
    /// </summary>
    public static double Weight(double samples, double total, double gapToRest, double confidence)
    {
        if (samples <= 0)
        {
            return 1;
        }

        var eps = TwoSampleEpsilon(samples, total, 1 - confidence);
        var g2 = gapToRest * gapToRest;
        return g2 <= eps * eps ? 1 : eps * eps / g2;
    }

    /// <summary>
    /// The two-sample DKW half-width at <paramref name="delta"/> for a group of <paramref name="samples"/> against the
    /// other <c>total − samples</c>: <c>√(ln(2/δ)/2 · (1/n + 1/m))</c>.
    /// </summary>
    public static double TwoSampleEpsilon(double samples, double total, double delta)
    {
        var rest = Math.Max(1, total - samples);
        var effective = Math.Max(1, samples * rest / (samples + rest));
        return Math.Sqrt(Math.Log(2 / delta) / (2 * effective));
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
