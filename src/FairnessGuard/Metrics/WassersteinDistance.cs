namespace FairnessGuard.Metrics;

/// <summary>
/// The Wasserstein-1 (earth mover's) distance between two empirical distributions on the line,
/// <c>∫ |F_a(t) − F_b(t)| dt</c>, in output units, computed exactly.
/// </summary>
public static class WassersteinDistance
{
    /// <summary>The exact W1 distance between two samples, each sorted ascending.</summary>
    /// <param name="sortedA">The first sample, ascending, finite.</param>
    /// <param name="sortedB">The second sample, ascending, finite.</param>
    /// <returns>A non-negative distance; 0 when either sample is empty.</returns>
    public static double W1(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        if (sortedA.IsEmpty || sortedB.IsEmpty)
        {
            return 0;
        }

        return W1(new CdfPairWalk(sortedA, sortedB));
    }

    /// <summary>The W1 distance between the distributions two sketches estimate (exact for their sorted views).</summary>
    /// <param name="a">The first view.</param>
    /// <param name="b">The second view.</param>
    /// <returns>A non-negative distance; 0 when either is empty.</returns>
    public static double W1(Sketches.SortedView a, Sketches.SortedView b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.TotalWeight == 0 || b.TotalWeight == 0
            ? 0
            : W1(CdfPairWalk.Of(a, b));
    }

    /// <summary>W1 between a sketch view and a pooled weighted sample.</summary>
    internal static double W1(Sketches.SortedView a, Monitoring.PooledDistribution pool) =>
        a.TotalWeight == 0 || pool.Total == 0
            ? 0
            : W1(CdfPairWalk.Of(a, pool));

    // Both CDFs are constant on [position, next): integrate the gap piece by piece.
    private static double W1(CdfPairWalk walk)
    {
        double sum = 0;
        while (walk.MoveNext())
        {
            var next = walk.NextPosition;
            if (double.IsFinite(next))
            {
                sum += Math.Abs(walk.FirstCdf - walk.SecondCdf) * (next - walk.Position);
            }
        }

        return sum;
    }
}
