namespace FairnessGuard.Metrics;

/// <summary>
/// Numbers group keys in order of first appearance and counts each group's finite outputs. The first keys are
/// compared by reference before the dictionary is asked: interned keys (a CSV reader's) then cost no hash a row.
/// </summary>
/// <typeparam name="TGroup">The group key.</typeparam>
/// <param name="comparer">Equality of group keys; the default comparer when null.</param>
internal sealed class GroupCoder<TGroup>(IEqualityComparer<TGroup>? comparer = null)
    where TGroup : notnull
{
    // Equal references are equal keys for every comparer.
    private const int RecentKeys = 8;
    private readonly TGroup[] _recent = new TGroup[RecentKeys];
    private int _recentCount;

    /// <summary>The keys, in order of first appearance.</summary>
    public List<TGroup> Keys { get; } = [];

    /// <summary>The finite outputs counted per key.</summary>
    public List<int> Counts { get; } = [];

    /// <summary>The number of each key.</summary>
    public Dictionary<TGroup, int> Index { get; } = new(comparer);

    /// <summary>The key's number (a new one on its first sighting); −1 for a non-finite output, which is not counted.</summary>
    public int Code(TGroup group, bool finite)
    {
        var g = ByReference(group);
        if (g < 0 && !Index.TryGetValue(group, out g))
        {
            g = Keys.Count;
            Index.Add(group, g);
            Keys.Add(group);
            Counts.Add(0);
            if (_recentCount < RecentKeys)
            {
                _recent[_recentCount++] = group;
            }
        }

        if (!finite)
        {
            return -1;
        }

        Counts[g]++;
        return g;
    }

    private int ByReference(TGroup group)
    {
        if (!typeof(TGroup).IsValueType)
        {
            for (var r = 0; r < _recentCount; r++)
            {
                if (ReferenceEquals(_recent[r], group))
                {
                    return r;
                }
            }
        }

        return -1;
    }
}
