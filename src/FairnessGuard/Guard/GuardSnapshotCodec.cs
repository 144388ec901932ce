using System.Buffers.Binary;
using System.Text;
using FairnessGuard.Sketches;
using FairnessGuard.State;

namespace FairnessGuard.Guard;

/// <summary>
/// The versioned byte format of a guard's state. Layout (little-endian):
/// <c>"FGGS"</c> · version (1 byte) · options shape hash (8) · key type hash (8) · group count (4) ·
/// per group: kind (1: 0 keyed, 1 overflow, 2 unknown) · key length (4) + key bytes · 5 counters (8 each) ·
/// samples of the current and previous epoch (8 each) ·
/// 4 sketches, each length (4) + sketch bytes (length 0 = none) · checksum of all preceding bytes (8, the sketches' word-wise FNV-1a variant).
/// Reading validates everything before anything is built, so a bad snapshot is never half-loaded.
/// </summary>
internal static class GuardSnapshotCodec
{
    public const byte Version = 1;
    private static readonly byte[] Magic = "FGGS"u8.ToArray();

    public static byte[] Write(ulong shapeHash, ulong keyTypeHash, IReadOnlyList<GroupRecord> groups)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(shapeHash);
            w.Write(keyTypeHash);
            w.Write(groups.Count);
            foreach (var g in groups)
            {
                w.Write((byte)g.Kind);
                w.Write(g.Key.Length);
                w.Write(g.Key);
                w.Write(g.Counters.Predictions);
                w.Write(g.Counters.Corrections);
                w.Write(g.Counters.WarmUpPassThroughs);
                w.Write(g.Counters.MonitorPassThroughs);
                w.Write(g.Counters.NonFinite);
                w.Write(g.EpochSamples);
                w.Write(g.PreviousEpochSamples);
                WriteSketch(w, g.Raw);
                WriteSketch(w, g.PreviousRaw);
                WriteSketch(w, g.Returned);
                WriteSketch(w, g.PreviousReturned);
            }
        }

        var body = stream.ToArray();
        var result = new byte[body.Length + 8];
        body.CopyTo(result, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(body.Length), SketchChecksum.Compute(body));
        return result;
    }

    /// <summary>Smallest encoded group: kind, key length, 7 counters, 4 sketch lengths (two of them non-zero).</summary>
    private const int MinGroupBytes = 1 + 4 + (7 * 8) + (4 * 4);

    /// <summary>Hard limit on an encoded group key (docs/storage.md, "Limits").</summary>
    public const int MaxKeyBytes = 64 * 1024;

    public static List<GroupRecord> Read(ReadOnlySpan<byte> bytes, ulong shapeHash, ulong keyTypeHash) =>
        Read(bytes, shapeHash, keyTypeHash, null);

    /// <summary>
    /// Reads a snapshot, checking every field against the options (group count ≤ MaxGroups + 2, sketch k ≤
    /// SketchK / MonitorSketchK) and the hard limits before allocating for it, so restored memory never
    /// exceeds what the configured sketches hold, whatever the blob says.
    /// </summary>
    public static List<GroupRecord> Read(ReadOnlySpan<byte> bytes, ulong shapeHash, ulong keyTypeHash, ParityGuardOptions? options)
    {
        var rawK = options?.SketchK ?? QuantileSketch.MaxK;
        var returnedK = options?.MonitorSketchK ?? QuantileSketch.MaxK;
        if (bytes.Length < Magic.Length + 1 + 8 + 8 + 4 + 8 || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new GuardSnapshotFormatException("Not a FairnessGuard guard snapshot (bad magic bytes or too short).");
        }

        if (bytes[Magic.Length] != Version)
        {
            throw new GuardSnapshotFormatException($"Guard snapshot version {bytes[Magic.Length]} is not supported (this build reads version {Version}).");
        }

        var body = bytes[..^8];
        if (SketchChecksum.Compute(body) != BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]))
        {
            throw new GuardSnapshotFormatException("Guard snapshot checksum mismatch: the bytes are corrupted.");
        }

        var r = new SpanReader(body[(Magic.Length + 1)..]);
        if (r.UInt64() != shapeHash)
        {
            throw new GuardSnapshotFormatException("Guard snapshot was taken under incompatible options (SketchK, MonitorSketchK, HorizonSamples, MaxGroups or the group labels differ).", incompatibleOptions: true);
        }

        if (r.UInt64() != keyTypeHash)
        {
            throw new GuardSnapshotFormatException("Guard snapshot belongs to a guard with another group key type.");
        }

        var count = r.Int32();
        var maxGroups = options is null ? int.MaxValue : options.MaxGroups + 2;
        if (count < 0 || count > maxGroups || (long)count * MinGroupBytes > body.Length)
        {
            throw new GuardSnapshotFormatException($"Guard snapshot declares {count} groups (at most {Math.Min(maxGroups, body.Length / MinGroupBytes)} fit the options and its {body.Length} bytes).");
        }

        var groups = new List<GroupRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (GroupKind)r.Byte();
            if (kind is not (GroupKind.Keyed or GroupKind.Overflow or GroupKind.Unknown))
            {
                throw new GuardSnapshotFormatException($"Group {i} has an unknown kind {(byte)kind}.");
            }

            var keyLength = r.Int32();
            if (keyLength < 0 || keyLength > MaxKeyBytes)
            {
                throw new GuardSnapshotFormatException($"Group {i} has a key of {keyLength} bytes (limit {MaxKeyBytes}).");
            }

            var key = r.Bytes(keyLength).ToArray();
            var counters = new GroupCounters(r.Int64(), r.Int64(), r.Int64(), r.Int64(), r.Int64());
            var epoch = r.Int64();
            var previousEpoch = r.Int64();
            if (counters.Predictions < 0 || counters.Corrections < 0 || counters.WarmUpPassThroughs < 0 || counters.MonitorPassThroughs < 0 || counters.NonFinite < 0 || epoch < 0 || previousEpoch < 0)
            {
                throw new GuardSnapshotFormatException($"Group {i} has a negative counter.");
            }

            var raw = ReadSketch(ref r, i, rawK) ?? throw new GuardSnapshotFormatException($"Group {i} has no raw sketch.");
            var previousRaw = ReadSketch(ref r, i, rawK);
            var returned = ReadSketch(ref r, i, returnedK) ?? throw new GuardSnapshotFormatException($"Group {i} has no returned-output sketch.");
            var previousReturned = ReadSketch(ref r, i, returnedK);
            if (epoch < raw.Count || previousEpoch < (previousRaw?.Count ?? 0))
            {
                throw new GuardSnapshotFormatException($"Group {i} counts fewer samples than its sketch holds.");
            }

            groups.Add(new GroupRecord(kind, key, counters, epoch, previousEpoch, raw, previousRaw, returned, previousReturned));
        }

        if (!r.AtEnd)
        {
            throw new GuardSnapshotFormatException("Guard snapshot has trailing bytes after its last group.");
        }

        return groups;
    }

    private static void WriteSketch(BinaryWriter w, QuantileSketch? sketch)
    {
        if (sketch is null)
        {
            w.Write(0);
            return;
        }

        var bytes = sketch.Serialize();
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static QuantileSketch? ReadSketch(ref SpanReader r, int group, int maxK)
    {
        var length = r.Int32();
        if (length == 0)
        {
            return null;
        }

        return QuantileSketch.TryDeserialize(r.Bytes(length), maxK, out var sketch, out var error)
            ? sketch
            : throw new GuardSnapshotFormatException($"Group {group} has an invalid sketch: {error}");
    }

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public byte Byte() => Bytes(1)[0];

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (length < 0 || length > _rest.Length)
            {
                throw new GuardSnapshotFormatException($"Guard snapshot is truncated (needed {length} bytes, {_rest.Length} left).");
            }

            var head = _rest[..length];
            _rest = _rest[length..];
            return head;
        }
    }
}

/// <summary>One group's state in a snapshot.</summary>
internal sealed record GroupRecord(GroupKind Kind, byte[] Key, GroupCounters Counters, long EpochSamples, long PreviousEpochSamples, QuantileSketch Raw, QuantileSketch? PreviousRaw, QuantileSketch Returned, QuantileSketch? PreviousReturned);
