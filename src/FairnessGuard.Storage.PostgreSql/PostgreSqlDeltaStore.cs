using FairnessGuard.Guard;
using FairnessGuard.Sketches;
using FairnessGuard.State;
using Npgsql;
using NpgsqlTypes;

namespace FairnessGuard.Storage.PostgreSql;

/// <summary>
/// The shared state of one policy in PostgreSQL: replicas insert deltas (idempotent by delta id), any replica
/// folds unfolded deltas into the global rows (optimistic concurrency on <c>fg_policy.version</c>), and every
/// replica reads the same global rows. See docs/storage.md for why this converges.
/// </summary>
internal sealed partial class PostgreSqlDeltaStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _policy;
    private readonly ulong _shape;
    private readonly int _sketchK;
    private readonly int _monitorK;

    public PostgreSqlDeltaStore(NpgsqlDataSource dataSource, ParityGuardOptions options, string? key = null)
    {
        _dataSource = dataSource;
        _policy = key ?? options.PolicyName;
        _shape = options.StateShapeHash();
        _sketchK = options.SketchK;
        _monitorK = options.MonitorSketchK;
    }

    /// <summary>Creates the schema and the policy row; refuses a policy registered under another options shape.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await PostgreSqlGuardSchema.EnsureAsync(_dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO fg_policy (policy, shape, version) VALUES (@p, @shape, 0) ON CONFLICT (policy) DO NOTHING; SELECT shape FROM fg_policy WHERE policy = @p;");
        command.Parameters.AddWithValue("p", _policy);
        command.Parameters.AddWithValue("shape", unchecked((long)_shape));
        var stored = unchecked((ulong)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        if (stored != _shape)
        {
            throw new InvalidOperationException($"Policy {_policy} is shared under options of another shape ({stored:x16}, this replica {_shape:x16}): every replica must use the same SketchK, MonitorSketchK, MaxGroups and labels.");
        }
    }

    /// <summary>The sequence number this replica continues from (its last pushed or folded delta).</summary>
    public async Task<long> LastSequenceAsync(string replica, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT greatest(
                (SELECT coalesce(max(seq), 0) FROM fg_delta WHERE policy = @p AND replica = @r),
                (SELECT coalesce(max(folded_seq), 0) FROM fg_watermark WHERE policy = @p AND replica = @r));
            """);
        command.Parameters.AddWithValue("p", _policy);
        command.Parameters.AddWithValue("r", replica);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Inserts deltas in one transaction; a delta id already present is skipped (a retried push).</summary>
    public async Task PushAsync(string replica, IReadOnlyList<PendingDelta> deltas, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var delta in deltas)
            {
                foreach (var g in delta.Groups)
                {
                    var command = new NpgsqlBatchCommand("""
                        INSERT INTO fg_delta (policy, replica, seq, kind, group_key, label, samples, raw, returned)
                        VALUES (@p, @r, @seq, @kind, @key, @label, @samples, @raw, @returned)
                        ON CONFLICT (policy, replica, seq, kind, group_key) DO NOTHING
                        """);
                    command.Parameters.AddWithValue("p", _policy);
                    command.Parameters.AddWithValue("r", replica);
                    command.Parameters.AddWithValue("seq", delta.Sequence);
                    AddGroup(command.Parameters, g);
                    batch.BatchCommands.Add(command);
                }
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The global state as every replica sees it: version, groups, and how far this replica's deltas are folded in.</summary>
    public async Task<GlobalState> PullAsync(string replica, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long version, watermark;
        await using (var command = new NpgsqlCommand("SELECT version FROM fg_policy WHERE policy = @p; SELECT coalesce(max(folded_seq), 0) FROM fg_watermark WHERE policy = @p AND replica = @r;", connection, transaction))
        {
            command.Parameters.AddWithValue("p", _policy);
            command.Parameters.AddWithValue("r", replica);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            version = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            watermark = reader.GetInt64(0);
        }

        var (groups, corrupted) = await ReadGlobalAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new GlobalState(version, watermark, [.. groups.Values], corrupted.Count);
    }

    private static void AddGroup(NpgsqlParameterCollection p, GroupSketchState g)
    {
        p.AddWithValue("kind", (short)g.Kind);
        p.Add(new NpgsqlParameter("key", NpgsqlDbType.Bytea) { Value = g.Key });
        p.AddWithValue("label", g.Label);
        p.AddWithValue("samples", g.Samples);
        p.Add(new NpgsqlParameter("raw", NpgsqlDbType.Bytea) { Value = g.Raw.Serialize() });
        p.Add(new NpgsqlParameter("returned", NpgsqlDbType.Bytea) { Value = g.Returned.Serialize() });
    }

    // Rows are checked against this replica's sketch sizes before anything is allocated (docs/storage.md, "Limits").
    private GroupSketchState? Decode(short kind, byte[] key, string label, long samples, byte[] raw, byte[] returned, out string? error)
    {
        if (!QuantileSketch.TryDeserialize(raw, _sketchK, out var r, out error) || !QuantileSketch.TryDeserialize(returned, _monitorK, out var ret, out error))
        {
            return null;
        }

        if (kind is < 0 or > (short)GroupKind.Unknown || samples < 0)
        {
            error = $"kind {kind} or samples {samples} out of range";
            return null;
        }

        return new GroupSketchState((GroupKind)kind, key, label, samples, r, ret);
    }
}

/// <summary>One push of one replica: its delta id is (replica, <paramref name="Sequence"/>).</summary>
internal sealed record PendingDelta(long Sequence, IReadOnlyList<GroupSketchState> Groups)
{
    /// <summary>What the delta holds in memory: the groups' sketches, keys and labels (computed once).</summary>
    public long Bytes { get; } = Groups.Sum(g => g.Raw.EstimatedBytes + g.Returned.EstimatedBytes + g.Key.Length + (2L * g.Label.Length) + 96);
}

/// <summary>The global state read in one snapshot-isolated transaction.</summary>
internal sealed record GlobalState(long Version, long FoldedSequence, IReadOnlyList<GroupSketchState> Groups, int CorruptedRows);
