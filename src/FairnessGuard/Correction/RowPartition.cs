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

        var coder = new Metrics.GroupCoder<TGroup>();
        var codes = GC.AllocateUninitializedArray<int>(outputs.Length);
        var nonFinite = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            var finite = double.IsFinite(outputs[i]);
            codes[i] = coder.Code(groups[i] ?? throw new ArgumentException($"The group key at row {i} is null; every row needs a group.", nameof(groups)), finite);
            nonFinite += finite ? 0 : 1;
        }

        var (values, rows) = Split(outputs, codes, [.. coder.Counts]);
        return new RowPartition<TGroup>([.. coder.Keys], coder.Index, values, rows, nonFinite);
    }

    /// <summary>Each group's outputs and their row indices, in row order, from each row's group number (−1: left out).</summary>
    /// <param name="outputs">The outputs.</param>
    /// <param name="codes">The group number of each row, or −1.</param>
    /// <param name="counts">The rows of each group.</param>
    public static (double[][] Values, int[][] Rows) Split(ReadOnlySpan<double> outputs, int[] codes, int[] counts)
    {
        var values = new double[counts.Length][];
        var rows = new int[counts.Length][];
        for (var g = 0; g < values.Length; g++)
        {
            values[g] = GC.AllocateUninitializedArray<double>(counts[g]);
            rows[g] = GC.AllocateUninitializedArray<int>(counts[g]);
        }

        var fill = new int[counts.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is var g and >= 0)
            {
                values[g][fill[g]] = outputs[i];
                rows[g][fill[g]++] = i;
            }
        }

        return (values, rows);
    }
}
