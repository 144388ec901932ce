namespace FairnessGuard.State;

/// <summary>
/// Durable storage of guard snapshots, one row per policy and options shape. A snapshot of another shape is
/// never overwritten by a guard that could not restore it; a corrupted one is moved aside (quarantined).
/// </summary>
public interface IGuardStateStore
{
    /// <summary>Stores (replaces) the snapshot of a policy under its options shape, atomically.</summary>
    /// <param name="policy">The policy name.</param>
    /// <param name="shapeHash">The options shape (<see cref="Guard.ParityGuardOptions.StateShapeHash"/>).</param>
    /// <param name="snapshot">Bytes from <see cref="Guard.ParityGuard{TGroup}.CreateSnapshot"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the snapshot is durable.</returns>
    Task SaveSnapshotAsync(string policy, ulong shapeHash, ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken);

    /// <summary>The most recently saved snapshot of a policy, whatever its shape; null when there is none.</summary>
    /// <param name="policy">The policy name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot row or null.</returns>
    Task<StoredSnapshot?> LoadLatestSnapshotAsync(string policy, CancellationToken cancellationToken);

    /// <summary>
    /// The most recently saved snapshot of a policy under one options shape; null when there is none. After
    /// options A → B → A this is A's row even though B's is newer. The default asks
    /// <see cref="LoadLatestSnapshotAsync(string, CancellationToken)"/> and keeps its row only if the shape
    /// matches; stores should override it with a keyed read.
    /// </summary>
    /// <param name="policy">The policy name.</param>
    /// <param name="shapeHash">The options shape (<see cref="Guard.ParityGuardOptions.StateShapeHash"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot row or null.</returns>
    async Task<StoredSnapshot?> LoadLatestSnapshotAsync(string policy, ulong shapeHash, CancellationToken cancellationToken)
    {
        var latest = await LoadLatestSnapshotAsync(policy, cancellationToken).ConfigureAwait(false);
        return latest?.ShapeHash == shapeHash ? latest : null;
    }

    /// <summary>Moves a snapshot row out of the way (kept for inspection with the reason), atomically.</summary>
    /// <param name="snapshot">The row to move.</param>
    /// <param name="reason">Why it cannot be restored.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>A task that completes when the row is moved.</returns>
    Task QuarantineSnapshotAsync(StoredSnapshot snapshot, string reason, CancellationToken cancellationToken);
}

/// <summary>A stored guard snapshot.</summary>
/// <param name="Policy">The policy name.</param>
/// <param name="ShapeHash">The options shape it was taken under.</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="Bytes">The snapshot.</param>
public sealed record StoredSnapshot(string Policy, ulong ShapeHash, DateTimeOffset SavedAt, byte[] Bytes);
