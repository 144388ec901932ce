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

        // Right-continuous step CDFs reach their supremum gap at a data point, ties consumed together.
        double max = 0;
        var walk = new CdfPairWalk(sortedA, sortedB);
        while (walk.MoveNext())
        {
            max = Math.Max(max, Math.Abs(walk.FirstCdf - walk.SecondCdf));
        }

        return max;
    }
}
