using FairnessGuard.Distributions;

namespace FairnessGuard.Metrics;

/// <summary>
/// Outputs partitioned by group and sorted, the shape every exact metric and the exact barycenter fit
/// work on. Non-finite outputs (NaN, ±∞) are left out and counted: they carry no rank.
/// </summary>
/// <typeparam name="TGroup">The group key: any type with value equality (a string, an enum, a tuple for intersections).</typeparam>
public sealed class GroupedOutputs<TGroup>
    where TGroup : notnull
{
    private readonly TGroup[] _groups;
    private readonly double[][] _sorted;
    private readonly double[] _pooled;
    private readonly Dictionary<TGroup, int> _index;

    private GroupedOutputs(TGroup[] groups, double[][] sorted, double[] pooled, Dictionary<TGroup, int> index, int nonFinite)
    {
        _groups = groups;
        _sorted = sorted;
        _pooled = pooled;
        _index = index;
        NonFiniteCount = nonFinite;
    }

    /// <summary>The groups, in order of first appearance.</summary>
    public IReadOnlyList<TGroup> Groups => _groups;

    /// <summary>The number of outputs left out because they were NaN or infinite.</summary>
    public int NonFiniteCount { get; }

    /// <summary>The number of finite outputs over all groups.</summary>
    public int Count => _pooled.Length;

    /// <summary>All finite outputs, sorted ascending.</summary>
    public ReadOnlySpan<double> PooledSorted => _pooled;

    /// <summary>Partitions <paramref name="outputs"/> by <paramref name="groups"/> (same length).</summary>
    /// <param name="outputs">The model outputs.</param>
    /// <param name="groups">The group of each output.</param>
    /// <param name="comparer">Equality of group keys; the default comparer when null.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a group key is null.</exception>
    public static GroupedOutputs<TGroup> Create(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups, IEqualityComparer<TGroup>? comparer = null)
    {
        if (outputs.Length != groups.Length)
        {
            throw new ArgumentException($"outputs has {outputs.Length} rows but groups has {groups.Length}; they must be the same length.", nameof(groups));
        }

        // Keys numbered in order of first appearance, the first ones found by reference (GroupCoder).
        var coder = new GroupCoder<TGroup>(comparer);
        var codes = new int[outputs.Length];
        var nonFinite = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            var finite = double.IsFinite(outputs[i]);
            codes[i] = coder.Code(groups[i] ?? throw new ArgumentException($"The group key at row {i} is null; every row needs a group.", nameof(groups)), finite);
            nonFinite += finite ? 0 : 1;
        }

        var (index, order, counts) = (coder.Index, coder.Keys, coder.Counts);
        var sorted = new double[order.Count][];
        var fill = new int[order.Count];
        for (var g = 0; g < sorted.Length; g++)
        {
            sorted[g] = new double[counts[g]];
        }

        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is var g and >= 0)
            {
                sorted[g][fill[g]++] = outputs[i];
            }
        }

        SortedRuns.SortEach(sorted);
        return new GroupedOutputs<TGroup>([.. order], sorted, SortedRuns.Merge(sorted), index, nonFinite);
    }

    /// <summary>The finite outputs of the group at <paramref name="groupIndex"/>, sorted ascending.</summary>
    /// <param name="groupIndex">An index into <see cref="Groups"/>.</param>
    public ReadOnlySpan<double> Sorted(int groupIndex) => _sorted[groupIndex];

    /// <summary>The index of <paramref name="group"/> in <see cref="Groups"/>, or −1 when it was not seen.</summary>
    /// <param name="group">The group key.</param>
    public int IndexOf(TGroup group) => _index.TryGetValue(group, out var g) ? g : -1;

    internal double[] SortedArray(int groupIndex) => _sorted[groupIndex];

    /// <summary>One group's outputs as a distribution (exact, unit weights; shares the sorted values).</summary>
    /// <param name="groupIndex">Index into <see cref="Groups"/>.</param>
    /// <returns>The distribution.</returns>
    public IScoreDistribution Distribution(int groupIndex) => SortedSample.Wrap(_sorted[groupIndex]);

    internal double[] PooledArray => _pooled;

    internal Dictionary<TGroup, int> IndexMap => _index;
}
