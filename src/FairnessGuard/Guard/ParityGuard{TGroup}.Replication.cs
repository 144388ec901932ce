using FairnessGuard.State;

namespace FairnessGuard.Guard;

/// <content>
/// Replication: hand out local deltas, install the state shared by all replicas. The prediction path is
/// unchanged: a hand-out swaps each group's live sketches for fresh ones, so no sample is sketched twice.
/// </content>
public sealed partial class ParityGuard<TGroup>
{
    /// <summary>
    /// Flushes and hands out every group's samples since the last call as deltas. They stay visible to this
    /// guard (folded into its shared state) until the next <see cref="SetSharedState"/>.
    /// </summary>
    /// <param name="replicaSalt">Differs between replicas, so the sketches that will be merged get independent coin flips.</param>
    /// <param name="codec">Turns keys into bytes; built in for common key types.</param>
    /// <returns>One delta per group that saw samples.</returns>
    /// <exception cref="InvalidOperationException">A drift horizon is set: rotating epochs cannot be shared.</exception>
    public IReadOnlyList<GroupSketchState> TakeDeltas(ulong replicaSalt, IGroupKeyCodec<TGroup>? codec = null)
    {
        if (_options.HorizonSamples is not null)
        {
            throw new InvalidOperationException("Replication needs HorizonSamples = null: rotating epochs of different replicas cannot be merged.");
        }

        codec = CodecOrThrow(codec);
        Flush();
        var deltas = new List<GroupSketchState>();
        foreach (var (kind, key, state) in Groups(codec))
        {
            if (state.TakeDelta(replicaSalt) is { } d)
            {
                deltas.Add(new GroupSketchState(kind, key, state.Label, d.Samples, d.Raw, d.Returned));
            }
        }

        return deltas;
    }

    /// <summary>
    /// Installs the state shared by all replicas (the merged global state plus this replica's deltas not yet
    /// in it); groups absent from it keep only their local samples. Call <see cref="RebuildNow"/> to use it.
    /// </summary>
    /// <param name="shared">Per group, the shared sketches; groups not seen here yet are added.</param>
    /// <param name="codec">Turns bytes into keys; built in for common key types.</param>
    /// <exception cref="GuardSnapshotFormatException">A key cannot be decoded; nothing was installed.</exception>
    public void SetSharedState(IReadOnlyList<GroupSketchState> shared, IGroupKeyCodec<TGroup>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(shared);
        codec = CodecOrThrow(codec);
        var states = new GroupState[shared.Count];
        for (var i = 0; i < shared.Count; i++)
        {
            states[i] = ResolveRecord(shared[i].Kind, shared[i].Key, codec, i);
        }

        var covered = new HashSet<GroupState>();
        for (var i = 0; i < shared.Count; i++)
        {
            states[i].SetShared(shared[i].Raw, shared[i].Returned, shared[i].Samples);
            covered.Add(states[i]);
        }

        foreach (var state in _table.All)
        {
            if (!covered.Contains(state))
            {
                state.SetShared(null, null, 0);
            }
        }
    }

    /// <summary>The current map of a group: its knots and the shared targets; false while the group is not in play.</summary>
    /// <param name="group">The group.</param>
    /// <param name="knots">The group's knots <c>Q_s(k/(K−1))</c>.</param>
    /// <param name="targets">The barycenter's quantiles at the same ranks.</param>
    /// <returns>Whether the group is corrected by the current map.</returns>
    public bool TryGetMap(TGroup group, out double[] knots, out double[] targets)
    {
        var map = Volatile.Read(ref _map);
        var slot = _table.ByKey.TryGetValue(group, out var state) ? state.Slot : -1;
        knots = slot >= 0 ? map.Knots(slot).ToArray() : [];
        targets = knots.Length > 0 ? map.Targets.ToArray() : [];
        return knots.Length > 0;
    }

    /// <summary>
    /// The a-posteriori rank-error bound of a group's raw distribution as the map sees it (shared and local
    /// samples), holding for all its retained values at once with probability <paramref name="confidence"/>.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <returns>The bound; NaN for a group not seen.</returns>
    public double GetRankErrorBound(TGroup group, double confidence) =>
        _table.ByKey.TryGetValue(group, out var state) ? state.Capture(confidence).RawRankError : double.NaN;

    private IEnumerable<(GroupKind Kind, byte[] Key, GroupState State)> Groups(IGroupKeyCodec<TGroup> codec)
    {
        foreach (var (key, state) in _table.ByKey)
        {
            yield return (GroupKind.Keyed, codec.Encode(key), state);
        }

        if (_table.Overflow is { } overflow)
        {
            yield return (GroupKind.Overflow, [], overflow);
        }

        if (_table.Unknown is { } unknown)
        {
            yield return (GroupKind.Unknown, [], unknown);
        }
    }

    private GroupState ResolveRecord(GroupKind kind, byte[] key, IGroupKeyCodec<TGroup> codec, int index)
    {
        switch (kind)
        {
            case GroupKind.Overflow:
                return _table.ResolveSpecial(overflow: true);
            case GroupKind.Unknown:
                return _table.ResolveSpecial(overflow: false);
            default:
                try
                {
                    return _table.Resolve(codec.Decode(key));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
                {
                    throw new GuardSnapshotFormatException($"Group {index} has a key that cannot be decoded: {ex.Message}", ex);
                }
        }
    }
}
