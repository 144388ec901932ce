namespace FairnessGuard.Correction;

/// <summary>
/// Atoms in the knots (docs/guard.md, "Atoms"). The guard ranks a value y as <c>y ± jitter·max(|y|, 10⁻²⁹⁰)</c>, so the knots
/// of an atom (a value many outputs share, such as a 0/1 decision) are spread over that band. For the barycenter's
/// targets each run of knots within the band is taken as the one value it stands for: its middle, rounded to a power-of-two
/// grid four times coarser than the band (so 0, 1 and other short binary fractions come back exactly); a run of equal
/// knots is that value. The groups' own knots
/// keep the spread, which is what gives an atom's outputs their whole rank interval.
/// </summary>
internal static class AtomSnap
{
    /// <summary>
    /// Per slot, the knots to sum into the targets: the grid itself when it has no run within the jitter band, else a copy
    /// with each run replaced by its snapped value.
    /// </summary>
    public static double[]?[] ForTargets(double[]?[] grids, double jitter)
    {
        var sums = new double[]?[grids.Length];
        for (var s = 0; s < grids.Length; s++)
        {
            sums[s] = grids[s] is { } x && HasRun(x, jitter) ? Snapped(x, jitter) : grids[s];
        }

        return sums;
    }

    /// <summary>
    /// Whether two neighbouring knots differ, but by no more than twice the jitter band: a run the jitter spread, which needs
    /// snapping. Equal knots alone (jitter off, or a grid that repeats a knot at its ends) are already the value they stand
    /// for, so such a grid is summed as it is, without a copy.
    /// </summary>
    public static bool HasRun(ReadOnlySpan<double> x, double jitter)
    {
        for (var k = 1; k < x.Length; k++)
        {
            var gap = x[k] - x[k - 1];
            if (gap > 0 && gap <= Band(x[k], jitter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value a run of knots from <paramref name="low"/> to <paramref name="high"/> stands for.</summary>
    public static double Value(double low, double high, double jitter)
    {
        if (high == low)
        {
            // Not spread: the run is the value itself (jitter off, or a grid that repeats a knot).
            return low;
        }

        var middle = low + ((high - low) / 2);
        var width = 4 * Math.Max(Band(middle, jitter), high - low);
        if (!(width > 0) || !double.IsFinite(width))
        {
            return middle;
        }

        var grid = Math.Pow(2, Math.Ceiling(Math.Log2(width)));
        var snapped = Math.Round(middle / grid) * grid;
        return double.IsFinite(snapped) ? snapped : middle;
    }

    /// <summary>
    /// The tie-breaking jitter's amplitude at y: y is ranked as <c>y ± Amplitude(y)</c> (the guard's call path uses it).
    /// Relative to |y|, so the correction does not depend on the unit (an absolute floor of 10⁻¹⁵ took outputs below
    /// about 10⁻⁹ for one atom); the floor <c>jitter·10⁻²⁹⁰</c> only keeps exact zeros apart, far above the subnormals.
    /// </summary>
    public static double Amplitude(double y, double jitter)
    {
        var amplitude = jitter * Math.Abs(y);
        var floor = jitter * 1e-290;
        return amplitude > floor ? amplitude : floor;
    }

    // Twice the jitter's amplitude at y: the widest spread of two rankings of one value.
    private static double Band(double y, double jitter) => 2 * Amplitude(y, jitter);

    private static double[] Snapped(double[] x, double jitter)
    {
        var copy = (double[])x.Clone();
        var start = 0;
        for (var k = 1; k <= x.Length; k++)
        {
            if (k < x.Length && x[k] - x[k - 1] <= Band(x[k], jitter))
            {
                continue;
            }

            if (k - start > 1)
            {
                copy.AsSpan(start, k - start).Fill(Value(x[start], x[k - 1], jitter));
            }

            start = k;
        }

        return copy;
    }
}
