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

        // Right-continuous step CDFs: the supremum is reached just after a data point, so walking the
        // merged distinct values and comparing both CDFs there is exact (ties consumed together).
        double na = sortedA.Length, nb = sortedB.Length, max = 0;
        int i = 0, j = 0;
        while (i < sortedA.Length && j < sortedB.Length)
        {
            var t = Math.Min(sortedA[i], sortedB[j]);
            while (i < sortedA.Length && sortedA[i] <= t)
            {
                i++;
            }

            while (j < sortedB.Length && sortedB[j] <= t)
            {
                j++;
            }

            max = Math.Max(max, Math.Abs((i / na) - (j / nb)));
        }

        return max;
    }
}
