using FairnessGuard.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FairnessGuard.Guard;

/// <summary>
/// Restores a guard from an <see cref="IGuardStateStore"/> and saves it there. Restoring never fails the
/// caller: an unreachable store, an incompatible snapshot (kept untouched) or a corrupted one (quarantined)
/// is logged and the guard starts fresh.
/// </summary>
/// <typeparam name="TGroup">The group key.</typeparam>
public sealed class GuardPersistence<TGroup>
    where TGroup : notnull
{
    private readonly IGuardStateStore _store;
    private readonly ParityGuardOptions _options;
    private readonly IGroupKeyCodec<TGroup>? _codec;
    private readonly ILogger _logger;
    private readonly string _key;

    /// <summary>Creates the persistence of one policy.</summary>
    /// <param name="store">Where snapshots live.</param>
    /// <param name="options">The guard's options (its policy name keys the rows).</param>
    /// <param name="codec">Key codec for key types without a built-in one.</param>
    public GuardPersistence(IGuardStateStore store, ParityGuardOptions options, IGroupKeyCodec<TGroup>? codec = null)
        : this(store, options, options?.PolicyName!, codec)
    {
    }

    /// <summary>Creates the persistence of one guard whose rows are keyed by <paramref name="key"/>.</summary>
    /// <param name="store">Where snapshots live.</param>
    /// <param name="options">The guard's options.</param>
    /// <param name="key">The rows' key: unique per guard (the registry uses "Namespace.Type.Method:Member" or the guard's name).</param>
    /// <param name="codec">Key codec for key types without a built-in one.</param>
    public GuardPersistence(IGuardStateStore store, ParityGuardOptions options, string key, IGroupKeyCodec<TGroup>? codec = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = key;
        _codec = codec;
        _logger = options.LoggerFactory?.CreateLogger("FairnessGuard.State") ?? NullLogger.Instance;
    }

    /// <summary>The guard restored from the latest compatible snapshot, or a fresh one.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The guard.</returns>
    public async Task<ParityGuard<TGroup>> RestoreAsync(CancellationToken cancellationToken = default)
    {
        // The newest row of this options shape, not the newest row: after options A → B → A, A's row is
        // still there and is the one to restore (docs/storage.md). Only when there is none is the newest row
        // of another shape reported as incompatible.
        StoredSnapshot? stored;
        var shape = _options.StateShapeHash();
        try
        {
            stored = await _store.LoadLatestSnapshotAsync(_key, shape, cancellationToken).ConfigureAwait(false)
                ?? await _store.LoadLatestSnapshotAsync(_key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StateLog.StoreFailed(_logger, ex, _key, "restore");
            return new ParityGuard<TGroup>(_options);
        }

        if (stored is null)
        {
            return new ParityGuard<TGroup>(_options);
        }

        if (stored.ShapeHash != shape)
        {
            StateLog.Incompatible(_logger, _key, stored.SavedAt, stored.ShapeHash, shape);
            return new ParityGuard<TGroup>(_options);
        }

        try
        {
            var guard = ParityGuard<TGroup>.FromSnapshot(stored.Bytes, _options, _codec);
            StateLog.Restored(_logger, _key, stored.SavedAt, guard.GroupCount);
            return guard;
        }
        catch (GuardSnapshotFormatException ex) when (ex.IsIncompatibleOptions)
        {
            // The row's shape column said compatible but the bytes disagree: keep the row, start fresh.
            StateLog.Incompatible(_logger, _key, stored.SavedAt, stored.ShapeHash, shape);
            return new ParityGuard<TGroup>(_options);
        }
        catch (GuardSnapshotFormatException ex)
        {
            StateLog.Quarantined(_logger, _key, stored.SavedAt, ex.Message);
            try
            {
                await _store.QuarantineSnapshotAsync(stored, ex.Message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception qex) when (qex is not OperationCanceledException)
            {
                StateLog.StoreFailed(_logger, qex, _key, "quarantine");
            }

            return new ParityGuard<TGroup>(_options);
        }
    }

    /// <summary>Snapshots the guard and stores it; a failing store is logged, not thrown.</summary>
    /// <param name="guard">The guard.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when the snapshot was stored.</returns>
    public async Task<bool> SaveAsync(ParityGuard<TGroup> guard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guard);
        try
        {
            var bytes = guard.CreateSnapshot(_codec);
            await _store.SaveSnapshotAsync(_key, _options.StateShapeHash(), bytes, cancellationToken).ConfigureAwait(false);
            StateLog.Saved(_logger, _key, bytes.Length);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StateLog.StoreFailed(_logger, ex, _key, "save");
            return false;
        }
    }
}
