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

        double na = sortedA.Length, nb = sortedB.Length, sum = 0;
        int i = 0, j = 0;
        var t = Math.Min(sortedA[0], sortedB[0]);
        while (i < sortedA.Length || j < sortedB.Length)
        {
            while (i < sortedA.Length && sortedA[i] <= t)
            {
                i++;
            }

            while (j < sortedB.Length && sortedB[j] <= t)
            {
                j++;
            }

            if (i == sortedA.Length && j == sortedB.Length)
            {
                break;
            }

            // Both CDFs are constant on [t, next): integrate the gap over that interval.
            var next = Math.Min(i < sortedA.Length ? sortedA[i] : double.PositiveInfinity, j < sortedB.Length ? sortedB[j] : double.PositiveInfinity);
            sum += Math.Abs((i / na) - (j / nb)) * (next - t);
            t = next;
        }

        return sum;
    }
}
