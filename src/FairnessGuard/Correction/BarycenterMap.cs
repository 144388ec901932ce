using System.Runtime.CompilerServices;

namespace FairnessGuard.Correction;

/// <summary>
/// An immutable, precomputed barycenter correction for every group in play: per group, a monotone
/// piecewise-linear map <c>y → Σ p_s' Q_s'(F_s(y))</c> on K knots. The knots of group s sit at the ranks
/// <c>r_k = k/(K−1)</c> of its own distribution, <c>X_s[k] = Q_s(r_k)</c>, and all groups share the targets
/// <c>T[k] = Σ p_s' Q_s'(r_k)</c>, so a call is one search in <c>X_s</c> and one interpolation,
/// whatever the number of groups (the search goes through a guide table, see <see cref="KnotIndex"/>).
/// Published by reference and read without locks.
/// </summary>
internal sealed class BarycenterMap
{
    /// <summary>A map with no group in play: everything passes through.</summary>
    public static readonly BarycenterMap Empty = new([], [], 0, 0);

    private readonly KnotIndex?[] _knots;
    private readonly double[] _targets;

    public BarycenterMap(KnotIndex?[] knotsBySlot, double[] targets, int activeGroups, long version)
    {
        _knots = knotsBySlot;
        _targets = targets;
        ActiveGroups = activeGroups;
        Version = version;
    }

    /// <summary>How many groups the barycenter is built from.</summary>
    public int ActiveGroups { get; }

    /// <summary>Increases with every rebuild.</summary>
    public long Version { get; }

    /// <summary>The shared targets (the barycenter's quantiles at the knot ranks).</summary>
    public ReadOnlySpan<double> Targets => _targets;

    /// <summary>Whether the group in <paramref name="slot"/> is in play (warmed up when the map was built).</summary>
    public bool IsActive(int slot) => (uint)slot < (uint)_knots.Length && _knots[slot] is not null;

    /// <summary>The knot index of the group in <paramref name="slot"/> (immutable, so a later map may share it), or null.</summary>
    public KnotIndex? Index(int slot) => (uint)slot < (uint)_knots.Length ? _knots[slot] : null;

    /// <summary>The knots of the group in <paramref name="slot"/>, or empty when it is not in play.</summary>
    public ReadOnlySpan<double> Knots(int slot) => IsActive(slot) ? _knots[slot]!.Knots : default;

    /// <summary>
    /// Maps <paramref name="y"/> of the group in <paramref name="slot"/>; false when the group is not in play.
    /// A value that hits a run of equal knots (an atom) is given the rank <paramref name="u"/> of the way through the
    /// run (u in [0, 1)) and mapped to the barycenter's quantile at that rank, interpolated between the knots' targets by
    /// rank. <paramref name="atom"/> tells whether <paramref name="y"/> lies on an atom of the group: on a run of equal
    /// knots, between two knots no more than <paramref name="band"/> apart (an atom whose values were spread by the
    /// tie-breaking jitter, whose width the caller passes), or within the band of one knot (the end of such a run; the value
    /// is then mapped to that knot's target).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryMap(int slot, double y, double u, double band, out double mapped, out bool atom)
    {
        if ((uint)slot >= (uint)_knots.Length || _knots[slot] is not { } index)
        {
            atom = false;
            mapped = y;
            return false;
        }

        var x = index.Knots;
        var j = index.LowerBound(y);

        // The common case, inline in the caller: y strictly between two knots. The ends and a hit on a knot go out of line.
        if ((uint)(j - 1) >= (uint)(x.Length - 1) || x[j] == y)
        {
            mapped = MapAtEndOrKnot(x, j, y, u, out atom);
            return true;
        }

        var t = _targets;
        var below = x[j - 1];
        var above = x[j];
        var w = (y - below) / (above - below);
        mapped = t[j - 1] + (w * (t[j] - t[j - 1]));

        // Within the band of a knot (one test covers both knots within it, since y lies between them): on an atom.
        // Between two knots of one run the interpolation above is by rank; just outside a run's first or last
        // knot the value takes that knot's target.
        atom = Math.Min(y - below, above - y) <= band;
        if (atom && above - below > band)
        {
            mapped = above - y <= band ? t[j] : t[j - 1];
        }

        return true;
    }

    // y above the last knot (j = the knot count), on a knot (a run of equal knots is an atom: y takes the rank u of the
    // way through it), or below the first knot.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double MapAtEndOrKnot(double[] x, int j, double y, double u, out bool atom)
    {
        atom = false;
        var t = _targets;
        if (j == x.Length)
        {
            return t[^1];
        }

        if (x[j] == y)
        {
            var end = j + Distributions.SortedSearch.CountAtMost(x.AsSpan(j), y);
            atom = end - j > 1;
            if (!atom)
            {
                return t[j];
            }

            var at = j + (u * (end - 1 - j));
            var k = Math.Min((int)at, end - 2);
            return t[k] + ((at - k) * (t[k + 1] - t[k]));
        }

        return t[0];
    }
}
