using System.ComponentModel;
using FairnessGuard.Distributions;

namespace FairnessGuard.Metrics;

/// <summary>
/// Superseded by <see cref="Distance.Wasserstein1(IScoreDistribution, IScoreDistribution)"/>, to which every
/// member forwards; kept so that callers written against the old name still compile.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WassersteinDistance
{
    /// <summary>Forwards to <see cref="Distance.Wasserstein1(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    /// <param name="sortedA">The first sample, ascending, finite.</param>
    /// <param name="sortedB">The second sample, ascending, finite.</param>
    /// <returns>A non-negative distance; 0 when either sample is empty.</returns>
    public static double W1(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB) => Distance.Wasserstein1(sortedA, sortedB);

    /// <summary>Forwards to <see cref="Distance.Wasserstein1(IScoreDistribution, IScoreDistribution)"/>.</summary>
    /// <param name="a">The first view.</param>
    /// <param name="b">The second view.</param>
    /// <returns>A non-negative distance; 0 when either is empty.</returns>
    public static double W1(Sketches.SortedView a, Sketches.SortedView b) => Distance.Wasserstein1(a, b);
}
