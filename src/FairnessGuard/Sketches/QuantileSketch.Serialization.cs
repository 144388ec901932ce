using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace FairnessGuard.Sketches;

/// <summary>
/// The serialised form (docs/sketch.md), little-endian: magic "FGQS", version, level count, k, min k,
/// reserved, count, generator state, min, max, compaction variance, one uint32 size per level, the items level
/// by level, and a 64-bit checksum (SketchChecksum) of everything before it.
/// </summary>
public sealed partial class QuantileSketch
{
    /// <summary>Format version written by this build; any other version is rejected.</summary>
    public const byte SerialVersion = 1;

    private const int HeaderSize = 52;
    private const int ChecksumSize = 8;
    private static ReadOnlySpan<byte> Magic => "FGQS"u8;

    /// <summary>Exact length of <see cref="Serialize"/>'s output.</summary>
    internal int SerializedSize => HeaderSize + (4 * _numLevels) + (8 * RetainedItems) + ChecksumSize;

    /// <summary>The sketch in the versioned binary format.</summary>
    public byte[] Serialize()
    {
        var bytes = new byte[SerializedSize];
        Write(bytes);
        return bytes;
    }

    /// <summary>Writes the same bytes as <see cref="Serialize"/> straight into <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var size = SerializedSize;
        Write(writer.GetSpan(size)[..size]);
        writer.Advance(size);
    }

    /// <summary>Reads a sketch written by <see cref="Serialize"/> or <see cref="WriteTo"/>.</summary>
    /// <exception cref="SketchFormatException">The bytes are truncated, corrupted, foreign or of another version.</exception>
    public static QuantileSketch Deserialize(ReadOnlySpan<byte> bytes) =>
        TryDeserialize(bytes, out var sketch, out var error) ? sketch : throw new SketchFormatException(error);

    /// <summary>Reads a sketch, reporting a failure as a message instead of an exception.</summary>
    /// <returns>True and a fully validated sketch, or false and a message saying what is wrong.</returns>
    public static bool TryDeserialize(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out QuantileSketch? sketch, [NotNullWhen(false)] out string? error) =>
        TryDeserialize(bytes, MaxK, out sketch, out error);

    /// <summary>
    /// Reads a sketch whose <c>k</c> may not exceed <paramref name="maxK"/> (the configured k of the sketch it
    /// replaces), so a blob can never make the reader allocate more than a sketch of that size holds
    /// (docs/storage.md, "Limits"). Every field is checked before anything is allocated.
    /// </summary>
    /// <param name="bytes">The serialised sketch.</param>
    /// <param name="maxK">The largest k accepted.</param>
    /// <param name="sketch">The sketch when the bytes are valid.</param>
    /// <param name="error">What is wrong when they are not.</param>
    /// <returns>True and a fully validated sketch, or false and a message saying what is wrong.</returns>
    public static bool TryDeserialize(ReadOnlySpan<byte> bytes, int maxK, [NotNullWhen(true)] out QuantileSketch? sketch, [NotNullWhen(false)] out string? error)
    {
        sketch = null;
        error = SketchReader.Validate(bytes);
        if (error is null && BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]) > maxK)
        {
            error = $"k = {BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..])} exceeds the configured k ({maxK}).";
        }

        if (error is not null)
        {
            error = "Invalid serialised QuantileSketch: " + error;
            return false;
        }

        sketch = Load(bytes);
        return true;
    }

    /// <summary>Recomputes the trailing checksum in place (tests use it to build blobs that fail later checks).</summary>
    internal static void StampChecksum(Span<byte> bytes) =>
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[^ChecksumSize..], SketchChecksum.Compute(bytes[..^ChecksumSize]));

    private void Write(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        destination[4] = SerialVersion;
        destination[5] = (byte)_numLevels;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], (ushort)_k);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], (ushort)_minK);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(destination[12..], _count);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[20..], _random.State);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[28..], _min);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[36..], _max);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[44..], _compactionVariance);
        var position = HeaderSize;
        for (var level = 0; level < _numLevels; level++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[position..], (uint)(_levels[level + 1] - _levels[level]));
            position += 4;
        }

        foreach (var item in _items.AsSpan(_levels[0]))
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination[position..], item);
            position += 8;
        }

        StampChecksum(destination[..(position + ChecksumSize)]);
    }

    /// <summary>Builds the sketch from bytes that <see cref="SketchReader.Validate"/> accepted.</summary>
    private static QuantileSketch Load(ReadOnlySpan<byte> bytes)
    {
        var numLevels = bytes[5];
        var sketch = new QuantileSketch(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[20..]))
        {
            _minK = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]),
            _numLevels = numLevels,
            _count = BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]),
            _min = BinaryPrimitives.ReadDoubleLittleEndian(bytes[28..]),
            _max = BinaryPrimitives.ReadDoubleLittleEndian(bytes[36..]),
            _compactionVariance = BinaryPrimitives.ReadDoubleLittleEndian(bytes[44..]),
        };

        var capacity = KllCapacity.TotalCapacity(sketch._k, numLevels);
        var retained = (bytes.Length - HeaderSize - (4 * numLevels) - ChecksumSize) / 8;
        sketch._items = new double[capacity];
        sketch._levels[0] = capacity - retained;
        var itemPosition = HeaderSize + (4 * numLevels);
        for (var level = 0; level < numLevels; level++)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(HeaderSize + (4 * level))..]);
            sketch._levels[level + 1] = sketch._levels[level] + size;
        }

        for (var i = sketch._levels[0]; i < capacity; i++, itemPosition += 8)
        {
            sketch._items[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[itemPosition..]);
        }

        return sketch;
    }

    /// <summary>Every check of the format, in an order that never reads past a length already verified.</summary>
    private static class SketchReader
    {
        public static string? Validate(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < HeaderSize + 4 + ChecksumSize)
            {
                return $"{bytes.Length} bytes is shorter than the smallest sketch ({HeaderSize + 4 + ChecksumSize} bytes).";
            }

            if (!bytes[..4].SequenceEqual(Magic))
            {
                return "the magic bytes are not \"FGQS\"; this is not a FairnessGuard quantile sketch.";
            }

            if (bytes[4] != SerialVersion)
            {
                return $"format version {bytes[4]} is not supported (this build reads version {SerialVersion}).";
            }

            var numLevels = (int)bytes[5];
            if (numLevels < 1 || numLevels > KllCapacity.MaxLevels)
            {
                return $"level count {numLevels} is outside [1, {KllCapacity.MaxLevels}].";
            }

            var directory = HeaderSize + (4 * numLevels);
            if (bytes.Length < directory + ChecksumSize)
            {
                return "the bytes end inside the level directory (truncated).";
            }

            long retained = 0;
            for (var level = 0; level < numLevels; level++)
            {
                retained += BinaryPrimitives.ReadUInt32LittleEndian(bytes[(HeaderSize + (4 * level))..]);
            }

            if (bytes.Length != directory + (8 * retained) + ChecksumSize)
            {
                return $"the level sizes announce {retained} items, which needs {directory + (8 * retained) + ChecksumSize} bytes, but there are {bytes.Length} (truncated or padded).";
            }

            if (BinaryPrimitives.ReadUInt64LittleEndian(bytes[^ChecksumSize..]) != SketchChecksum.Compute(bytes[..^ChecksumSize]))
            {
                return "the checksum does not match (the bytes are corrupted).";
            }

            return SketchFieldRules.Check(bytes, numLevels, (int)retained, HeaderSize, directory);
        }
    }
}
