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

        // Both CDFs are constant on [position, next): integrate the gap piece by piece.
        double sum = 0;
        var walk = new CdfPairWalk(sortedA, sortedB);
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
