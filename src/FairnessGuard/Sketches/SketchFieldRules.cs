using System.Buffers.Binary;

namespace FairnessGuard.Sketches;

/// <summary>
/// Semantic checks of a serialised sketch whose framing (magic, version, lengths, checksum) is already
/// valid: the invariants every state reachable through <see cref="QuantileSketch.Update"/> and
/// <see cref="QuantileSketch.Merge"/> satisfies. A blob that breaks one is refused, never half-loaded.
/// </summary>
internal static class SketchFieldRules
{
    /// <summary>
    /// Hard limit on a sketch's count: 2^53, the largest count whose ranks a double still resolves to one
    /// sample. It also caps the level count at 54 (the top level's weight 2^(levels−1) is part of the count).
    /// </summary>
    public const long MaxCount = 1L << 53;

    /// <summary>The most levels a sketch within <see cref="MaxCount"/> can have.</summary>
    public const int MaxLevels = 54;

    public static string? Check(ReadOnlySpan<byte> bytes, int numLevels, int retained, int levelDirectory, int itemsStart)
    {
        int k = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
        int minK = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        var count = BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]);
        var min = BinaryPrimitives.ReadDoubleLittleEndian(bytes[28..]);
        var max = BinaryPrimitives.ReadDoubleLittleEndian(bytes[36..]);
        var variance = BinaryPrimitives.ReadDoubleLittleEndian(bytes[44..]);

        if (numLevels > MaxLevels)
        {
            return $"{numLevels} levels exceed the limit of {MaxLevels} (a count of at most 2^53).";
        }

        if (count < 0 || count > MaxCount)
        {
            return $"the count {count} is outside [0, 2^53].";
        }

        if (k < QuantileSketch.MinK)
        {
            return $"k = {k} is below {QuantileSketch.MinK}.";
        }

        if (minK < QuantileSketch.MinK || minK > k)
        {
            return $"min k = {minK} is outside [{QuantileSketch.MinK}, k = {k}].";
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]) != 0)
        {
            return "the reserved field is not zero.";
        }

        if (retained > KllCapacity.TotalCapacity(k, numLevels))
        {
            return $"{retained} items exceed the capacity {KllCapacity.TotalCapacity(k, numLevels)} of {numLevels} levels at k = {k}.";
        }

        // Compaction conserves weight, so the level sizes weighted by 2^h add up to the count exactly.
        Int128 weight = 0;
        var topSize = 0;
        for (var level = 0; level < numLevels; level++)
        {
            topSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(levelDirectory + (4 * level))..]);
            weight += (Int128)topSize << level;
        }

        if (weight != count)
        {
            return $"the count {count} differs from the weight of the retained items ({weight}).";
        }

        if (numLevels > 1 && topSize == 0)
        {
            return "the top level is empty (levels are only added by compacting into them).";
        }

        // Level h+1 exists only after a compaction at level h, adding 4^h; an exact sketch has none.
        var leastVariance = numLevels == 1 ? 0 : Math.Pow(4, numLevels - 2);
        if (!double.IsFinite(variance) || variance < leastVariance || (numLevels == 1 && variance != 0))
        {
            return $"the compaction variance {variance} is impossible for {numLevels} level(s).";
        }

        if (count == 0)
        {
            return double.IsNaN(min) && double.IsNaN(max) ? null : "an empty sketch must have NaN min and max.";
        }

        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            return $"min {min} and max {max} are not finite with min <= max.";
        }

        return CheckItems(bytes, numLevels, levelDirectory, itemsStart, min, max);
    }

    private static string? CheckItems(ReadOnlySpan<byte> bytes, int numLevels, int levelDirectory, int itemsStart, double min, double max)
    {
        var position = itemsStart;
        double smallest = double.PositiveInfinity, largest = double.NegativeInfinity;
        for (var level = 0; level < numLevels; level++)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(levelDirectory + (4 * level))..]);
            var previous = double.NegativeInfinity;
            for (var i = 0; i < size; i++, position += 8)
            {
                var item = BinaryPrimitives.ReadDoubleLittleEndian(bytes[position..]);
                if (!double.IsFinite(item) || item < min || item > max)
                {
                    return $"item {i} of level {level} ({item}) is not finite or lies outside [min, max].";
                }

                // Level 0 holds items in arrival order; every higher level is the sorted output of a compaction.
                if (level > 0 && item < previous)
                {
                    return $"level {level} is not sorted at item {i}.";
                }

                previous = item;
                smallest = Math.Min(smallest, item);
                largest = Math.Max(largest, item);
            }
        }

        // While exact every item is retained, so min and max must be among them.
        if (numLevels == 1 && (smallest != min || largest != max))
        {
            return "min or max disagrees with the items of an exact sketch.";
        }

        return null;
    }
}
