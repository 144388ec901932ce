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
    /// <paramref name="u"/> in [0, 1) spreads a value that hits a run of equal knots (an atom) over the run's targets.
    /// </summary>
    public bool TryMap(int slot, double y, double u, out double mapped)
    {
        if ((uint)slot >= (uint)_knots.Length || _knots[slot] is not { } index)
        {
            mapped = y;
            return false;
        }

        var x = index.Knots;
        var t = _targets;
        var j = index.LowerBound(y);
        if (j == x.Length)
        {
            mapped = t[^1];
        }
        else if (x[j] == y)
        {
            var end = j + Distributions.SortedSearch.CountAtMost(x.AsSpan(j), y);
            mapped = end - j == 1 ? t[j] : t[j] + (u * (t[end - 1] - t[j]));
        }
        else if (j == 0)
        {
            mapped = t[0];
        }
        else
        {
            var w = (y - x[j - 1]) / (x[j] - x[j - 1]);
            mapped = t[j - 1] + (w * (t[j] - t[j - 1]));
        }

        return true;
    }
}
