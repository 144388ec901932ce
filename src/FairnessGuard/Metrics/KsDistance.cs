namespace FairnessGuard.Metrics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov distance <c>sup_t |F_a(t) − F_b(t)|</c> between empirical CDFs,
/// computed exactly. KS unfairness (Chzhen et al. 2020) is its maximum over pairs of groups.
/// </summary>
public static class KsDistance
{
    /// <summary>The exact KS distance between two samples, each sorted ascending.</summary>
    /// <param name="sortedA">The first sample, ascending, finite.</param>
    /// <param name="sortedB">The second sample, ascending, finite.</param>
    /// <returns>A value in [0, 1]; 0 when either sample is empty.</returns>
    public static double Compute(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        if (sortedA.IsEmpty || sortedB.IsEmpty)
        {
            return 0;
        }

        return Compute(new CdfPairWalk(sortedA, sortedB));
    }

    /// <summary>The KS distance between the distributions two sketches estimate (exact for their sorted views).</summary>
    /// <param name="a">The first view.</param>
    /// <param name="b">The second view.</param>
    /// <returns>A value in [0, 1]; 0 when either is empty.</returns>
    public static double Compute(Sketches.SortedView a, Sketches.SortedView b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.TotalWeight == 0 || b.TotalWeight == 0
            ? 0
            : Compute(CdfPairWalk.Of(a, b));
    }

    /// <summary>KS between a sketch view and a pooled weighted sample.</summary>
    internal static double Compute(Sketches.SortedView a, Monitoring.PooledDistribution pool) =>
        a.TotalWeight == 0 || pool.Total == 0
            ? 0
            : Compute(CdfPairWalk.Of(a, pool));

    // Right-continuous step CDFs reach their supremum gap at a data point, ties consumed together.
    private static double Compute(CdfPairWalk walk)
    {
        double max = 0;
        while (walk.MoveNext())
        {
            max = Math.Max(max, Math.Abs(walk.FirstCdf - walk.SecondCdf));
        }

        return max;
    }
}
