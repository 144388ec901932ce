using FairnessGuard.State;

namespace FairnessGuard.Guard;

/// <content>State snapshots: the whole guard to bytes and back.</content>
public sealed partial class ParityGuard<TGroup>
{
    /// <summary>
    /// The whole guard state (every group's sketches and counters, the options' shape) in a versioned,
    /// checksummed byte format. Flushes buffered samples first.
    /// </summary>
    /// <param name="codec">Turns keys into bytes; built in for string, bool, integers, enums, Guid and char.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="NotSupportedException">The key type has no built-in codec and none was given.</exception>
    public byte[] CreateSnapshot(IGroupKeyCodec<TGroup>? codec = null)
    {
        codec = CodecOrThrow(codec);
        Flush();
        var records = new List<GroupRecord>();
        foreach (var (key, state) in _table.ByKey)
        {
            records.Add(Record(GroupKind.Keyed, codec.Encode(key), state));
        }

        if (_table.Overflow is { } overflow)
        {
            records.Add(Record(GroupKind.Overflow, [], overflow));
        }

        if (_table.Unknown is { } unknown)
        {
            records.Add(Record(GroupKind.Unknown, [], unknown));
        }

        return GuardSnapshotCodec.Write(_options.StateShapeHash(), KeyTypeHash(), records);
    }

    /// <summary>
    /// A guard restored from a snapshot, with its map rebuilt: it continues where the snapshotted guard
    /// stopped, without a new warm-up.
    /// </summary>
    /// <param name="snapshot">Bytes from <see cref="CreateSnapshot"/>.</param>
    /// <param name="options">The new guard's options; their shape (sketch sizes, horizon, cap, labels) must match the snapshot's.</param>
    /// <param name="codec">Turns bytes into keys; built in for common key types.</param>
    /// <returns>The restored guard.</returns>
    /// <exception cref="GuardSnapshotFormatException">The snapshot is corrupted, truncated, of another version or from incompatible options; nothing is loaded.</exception>
    public static ParityGuard<TGroup> FromSnapshot(ReadOnlySpan<byte> snapshot, ParityGuardOptions? options = null, IGroupKeyCodec<TGroup>? codec = null)
    {
        codec = CodecOrThrow(codec);
        options ??= new ParityGuardOptions();
        options.Validate();
        var records = GuardSnapshotCodec.Read(snapshot, options.StateShapeHash(), KeyTypeHash(), options);
        var keys = new TGroup[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Kind == GroupKind.Keyed)
            {
                try
                {
                    keys[i] = codec.Decode(records[i].Key);
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
                {
                    throw new GuardSnapshotFormatException($"Group {i} has a key that cannot be decoded: {ex.Message}", ex);
                }
            }
        }

        // Everything is decoded and validated: only now is a guard built and filled.
        var guard = new ParityGuard<TGroup>(options);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var state = r.Kind switch
            {
                GroupKind.Keyed => guard._table.Resolve(keys[i]),
                GroupKind.Overflow => guard._table.ResolveSpecial(overflow: true),
                _ => guard._table.ResolveSpecial(overflow: false),
            };
            state.RestoreSketches(r.Raw, r.PreviousRaw, r.Returned, r.PreviousReturned, r.Counters, r.EpochSamples, r.PreviousEpochSamples);
        }

        guard.Flush();
        lock (guard._rebuildLock)
        {
            guard.BuildMapLocked(restoring: true);
        }

        guard.Review();
        return guard;
    }

    private static GroupRecord Record(GroupKind kind, byte[] key, GroupState state)
    {
        var (raw, previousRaw, returned, previousReturned) = state.SketchesForSnapshot();
        var (epoch, previousEpoch) = state.EpochSamples();
        return new GroupRecord(kind, key, state.Counters(), epoch, previousEpoch, raw, previousRaw, returned, previousReturned);
    }

    private static IGroupKeyCodec<TGroup> CodecOrThrow(IGroupKeyCodec<TGroup>? codec) =>
        codec ?? BuiltInKeyCodec.For<TGroup>()
        ?? throw new NotSupportedException($"Group keys of type {typeof(TGroup)} have no built-in snapshot codec; pass an IGroupKeyCodec<{typeof(TGroup).Name}>.");

    private static ulong KeyTypeHash() => Sketches.SketchChecksum.Compute(System.Text.Encoding.UTF8.GetBytes(typeof(TGroup).FullName ?? typeof(TGroup).Name));
}
