namespace FairnessGuard.Distributions;

/// <summary>
/// Exact two-sample distances between distributions on the line, computed once over <see cref="SortedWeights"/>
/// for every kind of distribution (exact samples, sketches, pools): the Kolmogorov–Smirnov distance
/// <c>sup_t |F_a(t) − F_b(t)|</c> (KS unfairness, Chzhen et al. 2020, is its maximum over pairs of groups) and
/// the Wasserstein-1 (earth mover's) distance <c>∫ |F_a(t) − F_b(t)| dt</c> in output units. For a sketch the
/// figure is exact for the distribution its sorted view estimates.
/// </summary>
public static class Distance
{
    /// <summary>The KS distance between two distributions.</summary>
    /// <param name="a">The first distribution.</param>
    /// <param name="b">The second distribution.</param>
    /// <returns>A value in [0, 1]; 0 when either is empty.</returns>
    public static double KolmogorovSmirnov(IScoreDistribution a, IScoreDistribution b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return KolmogorovSmirnov(a.GetSortedWeights(), b.GetSortedWeights());
    }

    /// <summary>The KS distance between two exact samples, each sorted ascending.</summary>
    /// <param name="sortedA">The first sample, ascending, finite.</param>
    /// <param name="sortedB">The second sample, ascending, finite.</param>
    /// <returns>A value in [0, 1]; 0 when either sample is empty.</returns>
    public static double KolmogorovSmirnov(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB) =>
        KolmogorovSmirnov(SortedWeights.Unit(sortedA), SortedWeights.Unit(sortedB));

    /// <summary>The KS distance between two sorted views.</summary>
    /// <param name="a">The first view.</param>
    /// <param name="b">The second view.</param>
    /// <returns>A value in [0, 1]; 0 when either is empty.</returns>
    public static double KolmogorovSmirnov(SortedWeights a, SortedWeights b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        // Right-continuous step CDFs reach their supremum gap at a data point, ties consumed together.
        var walk = new CdfPairWalk(a, b);
        double max = 0;
        while (walk.MoveNext())
        {
            max = Math.Max(max, Math.Abs(walk.FirstCdf - walk.SecondCdf));
        }

        return max;
    }

    /// <summary>The W1 distance between two distributions.</summary>
    /// <param name="a">The first distribution.</param>
    /// <param name="b">The second distribution.</param>
    /// <returns>A non-negative distance; 0 when either is empty.</returns>
    public static double Wasserstein1(IScoreDistribution a, IScoreDistribution b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Wasserstein1(a.GetSortedWeights(), b.GetSortedWeights());
    }

    /// <summary>The W1 distance between two exact samples, each sorted ascending.</summary>
    /// <param name="sortedA">The first sample, ascending, finite.</param>
    /// <param name="sortedB">The second sample, ascending, finite.</param>
    /// <returns>A non-negative distance; 0 when either sample is empty.</returns>
    public static double Wasserstein1(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB) =>
        Wasserstein1(SortedWeights.Unit(sortedA), SortedWeights.Unit(sortedB));

    /// <summary>The W1 distance between two sorted views.</summary>
    /// <param name="a">The first view.</param>
    /// <param name="b">The second view.</param>
    /// <returns>A non-negative distance; 0 when either is empty.</returns>
    public static double Wasserstein1(SortedWeights a, SortedWeights b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        // Both CDFs are constant on [position, next): integrate the gap piece by piece.
        var walk = new CdfPairWalk(a, b);
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
