namespace FairnessGuard.Correction;

/// <summary>The CDF of a quantile grid: piecewise linear through <c>(q[i], i/(K−1))</c>, 0 below q[0] and 1 from q[K−1] on.</summary>
internal static class GridCdf
{
    /// <summary>The CDF of <paramref name="q"/> at <paramref name="x"/>; for ascending x, <paramref name="j"/> carries the walk (start at 0).</summary>
    public static double At(ReadOnlySpan<double> q, double x, ref int j)
    {
        var last = q.Length - 1;
        while (j < q.Length && q[j] <= x)
        {
            j++;
        }

        // Inside an atom (equal knots) the interpolation is 0/0: the CDF is then the atom's upper end.
        var f = j == 0 ? 0 : j == q.Length ? 1 : (j - 1 + ((x - q[j - 1]) / (q[j] - q[j - 1]))) / last;
        return double.IsFinite(f) ? f : (j - 1) / (double)last;
    }
}
