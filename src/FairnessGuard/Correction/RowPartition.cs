namespace FairnessGuard.Correction;

/// <summary>
/// Rows split by group in one pass, keeping each finite output's row index: the groups in order of first
/// appearance (as <see cref="Metrics.GroupedOutputs{TGroup}"/> numbers them), and per group its finite outputs
/// and their row indices in row order.
/// </summary>
/// <typeparam name="TGroup">The group key.</typeparam>
internal sealed class RowPartition<TGroup>
    where TGroup : notnull
{
    // Group keys compared by reference before hashing (interned keys, a CSV reader's, then cost no hash a row).
    private const int RecentKeys = 8;

    private RowPartition(TGroup[] keys, Dictionary<TGroup, int> index, double[][] values, int[][] rows, int nonFinite)
    {
        Keys = keys;
        Index = index;
        Values = values;
        Rows = rows;
        NonFinite = nonFinite;
    }

    /// <summary>The groups, in order of first appearance.</summary>
    public TGroup[] Keys { get; }

    /// <summary>The index of each group in <see cref="Keys"/>.</summary>
    public Dictionary<TGroup, int> Index { get; }

    /// <summary>Each group's finite outputs, in row order.</summary>
    public double[][] Values { get; }

    /// <summary>The row index of each of <see cref="Values"/>.</summary>
    public int[][] Rows { get; }

    /// <summary>The rows whose output is NaN or ±∞.</summary>
    public int NonFinite { get; }

    /// <summary>Splits the rows.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a key is null.</exception>
    public static RowPartition<TGroup> Create(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups)
    {
        if (outputs.Length != groups.Length)
        {
            throw new ArgumentException($"outputs has {outputs.Length} rows but groups has {groups.Length}; they must be the same length.", nameof(groups));
        }

        var index = new Dictionary<TGroup, int>();
        var keys = new List<TGroup>();
        var counts = new List<int>();
        var codes = GC.AllocateUninitializedArray<int>(outputs.Length);
        var recent = new TGroup[RecentKeys];
        var recentCount = 0;
        var nonFinite = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            var group = groups[i] ?? throw new ArgumentException($"The group key at row {i} is null; every row needs a group.", nameof(groups));
            var g = -1;
            if (!typeof(TGroup).IsValueType)
            {
                for (var r = 0; r < recentCount; r++)
                {
                    if (ReferenceEquals(recent[r], group))
                    {
                        g = r;
                        break;
                    }
                }
            }

            if (g < 0 && !index.TryGetValue(group, out g))
            {
                g = keys.Count;
                index.Add(group, g);
                keys.Add(group);
                counts.Add(0);
                if (recentCount < RecentKeys)
                {
                    recent[recentCount++] = group;
                }
            }

            if (double.IsFinite(outputs[i]))
            {
                codes[i] = g;
                counts[g]++;
            }
            else
            {
                codes[i] = -1;
                nonFinite++;
            }
        }

        var values = new double[keys.Count][];
        var rows = new int[keys.Count][];
        for (var g = 0; g < values.Length; g++)
        {
            values[g] = GC.AllocateUninitializedArray<double>(counts[g]);
            rows[g] = GC.AllocateUninitializedArray<int>(counts[g]);
        }

        var fill = new int[keys.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is var g and >= 0)
            {
                values[g][fill[g]] = outputs[i];
                rows[g][fill[g]++] = i;
            }
        }

        return new RowPartition<TGroup>([.. keys], index, values, rows, nonFinite);
    }
}
