using System.ComponentModel;
using FairnessGuard.Distributions;

namespace FairnessGuard.Metrics;

/// <summary>
/// Superseded by <see cref="Distance.KolmogorovSmirnov(IScoreDistribution, IScoreDistribution)"/>, to which every
/// member forwards; kept so that callers written against the old name still compile.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KsDistance
{
    /// <summary>Forwards to <see cref="Distance.KolmogorovSmirnov(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    /// <param name="sortedA">The first sample, ascending, finite.</param>
    /// <param name="sortedB">The second sample, ascending, finite.</param>
    /// <returns>A value in [0, 1]; 0 when either sample is empty.</returns>
    public static double Compute(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB) => Distance.KolmogorovSmirnov(sortedA, sortedB);

    /// <summary>Forwards to <see cref="Distance.KolmogorovSmirnov(IScoreDistribution, IScoreDistribution)"/>.</summary>
    /// <param name="a">The first view.</param>
    /// <param name="b">The second view.</param>
    /// <returns>A value in [0, 1]; 0 when either is empty.</returns>
    public static double Compute(Sketches.SortedView a, Sketches.SortedView b) => Distance.KolmogorovSmirnov(a, b);
}
