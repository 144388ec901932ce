namespace FairnessGuard.Sketches;

/// <summary>
/// Level capacities of the KLL compactor stack (Karnin–Lang–Liberty 2016, as laid out by Apache DataSketches):
/// the top level holds <c>k</c> items and each level below holds 2/3 of the one above, never fewer than
/// <see cref="MinLevelWidth"/>. The geometric decay is what keeps the total at about <c>3k</c> items plus
/// <see cref="MinLevelWidth"/> per extra level, i.e. O(k + log n) memory.
/// </summary>
internal static class KllCapacity
{
    /// <summary>Smallest capacity of any level (DataSketches' <c>m</c>); a compaction always frees at least 4 slots.</summary>
    public const int MinLevelWidth = 8;

    /// <summary>Weights are <c>2^level</c> in a <see cref="long"/>, and the level count fits one byte in the format.</summary>
    public const int MaxLevels = 61;

    /// <summary>Capacity of <paramref name="level"/> when the stack has <paramref name="numLevels"/> levels.</summary>
    public static int LevelCapacity(int k, int numLevels, int level)
    {
        var depth = numLevels - level - 1;

        // k * (2/3)^depth rounded to nearest, in exact integer arithmetic so every platform agrees.
        // For depth > 30 the value is below 1 for any k <= 65535, so the floor wins.
        if (depth > 30)
        {
            return MinLevelWidth;
        }

        var pow3 = 1L;
        for (var i = 0; i < depth; i++)
        {
            pow3 *= 3;
        }

        var twiceScaled = ((2L * k) << depth) / pow3;
        var capacity = (int)((twiceScaled + 1) >> 1);
        return Math.Max(MinLevelWidth, capacity);
    }

    /// <summary>Sum of the level capacities: the length of the item buffer for that many levels.</summary>
    public static int TotalCapacity(int k, int numLevels)
    {
        var total = 0;
        for (var level = 0; level < numLevels; level++)
        {
            total += LevelCapacity(k, numLevels, level);
        }

        return total;
    }
}
