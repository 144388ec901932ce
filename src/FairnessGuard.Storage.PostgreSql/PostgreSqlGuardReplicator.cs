using FairnessGuard.Guard;
using FairnessGuard.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FairnessGuard.Storage.PostgreSql;

/// <summary>
/// Keeps one replica's guard in the state shared by all replicas of its policy: each <see cref="SyncAsync"/>
/// hands the guard's new samples out as a delta, pushes every buffered delta, folds, pulls the merged global
/// state and rebuilds the map from it plus this replica's deltas not folded yet. While the database is
/// unreachable the guard keeps serving from its local state and deltas are buffered (bounded).
/// </summary>
/// <typeparam name="TGroup">The group key.</typeparam>
public sealed class PostgreSqlGuardReplicator<TGroup> : IGuardSynchronizer, IDisposable
    where TGroup : notnull
{
    private readonly ParityGuard<TGroup> _guard;
    private readonly PostgreSqlReplicationOptions _options;
    private readonly IGroupKeyCodec<TGroup>? _codec;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlDeltaStore _store;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ulong _salt;
    private readonly List<PendingDelta> _buffer = [];
    private long _nextSequence;
    private bool _schemaReady;
    private bool? _connected;
    private long _dropped;
    private long _loggedDropped;
    private long _bufferedBytes;

    /// <summary>Creates the replicator of one guard.</summary>
    /// <param name="guard">The guard (every replica of a policy must use options of the same shape, no drift horizon, and distinct seeds are advised).</param>
    /// <param name="options">Connection and replica id.</param>
    /// <param name="codec">Key codec for key types without a built-in one.</param>
    public PostgreSqlGuardReplicator(ParityGuard<TGroup> guard, PostgreSqlReplicationOptions options, IGroupKeyCodec<TGroup>? codec = null)
        : this(guard, options, guard?.Options.PolicyName!, codec)
    {
    }

    /// <summary>Creates the replicator of one guard whose shared state is keyed by <paramref name="key"/> (the registry's guard key).</summary>
    /// <param name="guard">The guard.</param>
    /// <param name="options">Connection and replica id.</param>
    /// <param name="key">The shared state's key, the same on every replica (default: the guard's policy name).</param>
    /// <param name="codec">Key codec for key types without a built-in one.</param>
    public PostgreSqlGuardReplicator(ParityGuard<TGroup> guard, PostgreSqlReplicationOptions options, string key, IGroupKeyCodec<TGroup>? codec = null)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _codec = codec;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _store = new PostgreSqlDeltaStore(_dataSource, guard.Options, key);
        _logger = guard.Options.LoggerFactory?.CreateLogger("FairnessGuard.Replication") ?? NullLogger.Instance;
        _salt = Fnv(options.ReplicaId);
    }

    /// <summary>Whether the last sync reached the database (null before the first).</summary>
    public bool? IsConnected => _connected;

    /// <summary>Deltas held locally, not yet known to be folded into the global state.</summary>
    public int BufferedDeltas => _buffer.Count;

    /// <summary>Deltas dropped because the buffer was full (their samples never reach the shared state).</summary>
    public long DroppedDeltas => Interlocked.Read(ref _dropped);

    /// <summary>Bytes held by the buffered deltas (bounded by <see cref="PostgreSqlReplicationOptions.MaxBufferedBytes"/>).</summary>
    public long BufferedBytes => _bufferedBytes;

    /// <summary>The global state version last pulled.</summary>
    public long SharedVersion { get; private set; }

    /// <summary>Shared-state rows moved to quarantine because they could not be read (seen by this replica).</summary>
    public long QuarantinedRows { get; private set; }

    /// <inheritdoc />
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TakeLocalDelta();
            try
            {
                var state = await ExchangeAsync(cancellationToken).ConfigureAwait(false);
                Install(state);
                if (_connected != true)
                {
                    ReplicaLog.Resynced(_logger, _guard.Options.PolicyName, _options.ReplicaId, state.Version, state.Groups.Count);
                }

                _connected = true;
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (_connected != false)
                {
                    ReplicaLog.Offline(_logger, ex, _guard.Options.PolicyName, _options.ReplicaId, _buffer.Count);
                }

                _connected = false;
                return false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _dataSource.Dispose();
        _gate.Dispose();
    }

    private static ulong Fnv(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    // Sequence 0 means "not numbered yet": numbers are given once the database told where this replica stands.
    private void TakeLocalDelta()
    {
        var groups = _guard.TakeDeltas(_salt, _codec);
        if (groups.Count == 0)
        {
            return;
        }

        // A label PostgreSQL text cannot hold (NUL, a lone surrogate) would make the whole push fail for every
        // group: it is escaped once here and logged. The group's identity is its key bytes, which are bytea.
        var safe = new GroupSketchState[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var label = PostgreSqlText.Escape(g.Label);
            if (!ReferenceEquals(label, g.Label))
            {
                ReplicaLog.LabelEscaped(_logger, _guard.Options.PolicyName, _options.ReplicaId, label);
                g = g with { Label = label };
            }

            safe[i] = g;
        }

        var delta = new PendingDelta(_nextSequence > 0 ? _nextSequence++ : 0, safe);
        _buffer.Add(delta);
        _bufferedBytes += delta.Bytes;
        while (_buffer.Count > _options.MaxBufferedDeltas || (_bufferedBytes > _options.MaxBufferedBytes && _buffer.Count > 1))
        {
            var byBytes = _buffer.Count <= _options.MaxBufferedDeltas;
            _bufferedBytes -= _buffer[0].Bytes;
            _buffer.RemoveAt(0);
            var dropped = Interlocked.Increment(ref _dropped);
            if (dropped >= 2 * _loggedDropped || _loggedDropped == 0)
            {
                _loggedDropped = dropped;
                if (byBytes)
                {
                    ReplicaLog.BytesDropped(_logger, _guard.Options.PolicyName, _options.ReplicaId, _options.MaxBufferedBytes, dropped);
                }
                else
                {
                    ReplicaLog.Dropped(_logger, _guard.Options.PolicyName, _options.ReplicaId, _options.MaxBufferedDeltas, dropped);
                }
            }
        }
    }

    private async Task<GlobalState> ExchangeAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await _store.EnsureAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }

        if (_nextSequence == 0)
        {
            _nextSequence = await _store.LastSequenceAsync(_options.ReplicaId, cancellationToken).ConfigureAwait(false) + 1;
            for (var i = 0; i < _buffer.Count; i++)
            {
                _buffer[i] = _buffer[i] with { Sequence = _nextSequence++ };
            }
        }

        if (_buffer.Count > 0)
        {
            await _store.PushAsync(_options.ReplicaId, _buffer, cancellationToken).ConfigureAwait(false);
        }

        var fold = await _store.FoldAsync(_options.FoldAttempts, cancellationToken).ConfigureAwait(false);
        var state = await _store.PullAsync(_options.ReplicaId, cancellationToken).ConfigureAwait(false);
        if (fold.QuarantinedRows > 0 || state.CorruptedRows > 0)
        {
            QuarantinedRows += fold.QuarantinedRows;
            ReplicaLog.Quarantined(_logger, _guard.Options.PolicyName, fold.QuarantinedRows + state.CorruptedRows);
        }

        _buffer.RemoveAll(d => d.Sequence <= state.FoldedSequence);
        _bufferedBytes = _buffer.Sum(d => d.Bytes);
        return state;
    }

    // Global state plus this replica's deltas not folded yet: nothing it has seen is missing from its map.
    private void Install(GlobalState state)
    {
        var merged = new Dictionary<(GroupKind, string), GroupSketchState>();
        foreach (var g in state.Groups)
        {
            merged[(g.Kind, Convert.ToHexString(g.Key))] = g;
        }

        foreach (var delta in _buffer)
        {
            foreach (var d in delta.Groups)
            {
                var id = (d.Kind, Convert.ToHexString(d.Key));
                merged[id] = merged.TryGetValue(id, out var g) ? Merged(g, d) : d with { Raw = d.Raw.Clone(), Returned = d.Returned.Clone() };
            }
        }

        _guard.SetSharedState([.. merged.Values], _codec);
        _guard.RebuildNow();
        SharedVersion = state.Version;
    }

    private static GroupSketchState Merged(GroupSketchState shared, GroupSketchState delta)
    {
        var raw = shared.Raw.Clone();
        var returned = shared.Returned.Clone();
        raw.Merge(delta.Raw);
        returned.Merge(delta.Returned);
        return shared with { Samples = shared.Samples + delta.Samples, Raw = raw, Returned = returned };
    }
}
