using FairnessGuard.Sketches;
using FairnessGuard.State;
using Npgsql;
using NpgsqlTypes;

namespace FairnessGuard.Storage.PostgreSql;

/// <content>
/// Folding: the unfolded deltas of every replica are merged into the global rows in one transaction that
/// reads a snapshot at version v and commits only if the version is still v (else it retries on fresh
/// data). Any replica may fold; none is special.
/// </content>
internal sealed partial class PostgreSqlDeltaStore
{
    /// <summary>Folds every unfolded delta; returns how many delta rows went in (0 when there was nothing to do).</summary>
    public async Task<FoldResult> FoldAsync(int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryFoldAsync(cancellationToken).ConfigureAwait(false) ?? throw new ConcurrencyConflictException();
            }
            catch (Exception ex) when (attempt < attempts && ex is ConcurrencyConflictException or PostgresException { SqlState: PostgresErrorCodes.SerializationFailure })
            {
                // Another replica folded first: retry on its result after a short randomized pause.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<FoldResult?> TryFoldAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long version;
        await using (var command = new NpgsqlCommand("SELECT version FROM fg_policy WHERE policy = @p;", connection, transaction))
        {
            command.Parameters.AddWithValue("p", _policy);
            version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var deltas = new List<(string Replica, long Seq, GroupSketchState? Group, short Kind, byte[] Key, string? Error, byte[] Raw, byte[] Returned)>();
        await using (var command = new NpgsqlCommand("""
            SELECT d.replica, d.seq, d.kind, d.group_key, d.label, d.samples, d.raw, d.returned FROM fg_delta d
            LEFT JOIN fg_watermark w ON w.policy = d.policy AND w.replica = d.replica
            WHERE d.policy = @p AND d.seq > coalesce(w.folded_seq, 0)
            ORDER BY d.replica, d.seq, d.kind, d.group_key;
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("p", _policy);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (kind, key, raw, returned) = (reader.GetInt16(2), (byte[])reader[3], (byte[])reader[6], (byte[])reader[7]);
                var group = Decode(kind, key, reader.GetString(4), reader.GetInt64(5), raw, returned, out var error);
                deltas.Add((reader.GetString(0), reader.GetInt64(1), group, kind, key, error, raw, returned));
            }
        }

        if (deltas.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new FoldResult(version, 0, 0);
        }

        // The version check first: a lost race fails here, before any work is written.
        await using (var command = new NpgsqlCommand("UPDATE fg_policy SET version = version + 1, folded_at = now() WHERE policy = @p AND version = @v;", connection, transaction))
        {
            command.Parameters.AddWithValue("p", _policy);
            command.Parameters.AddWithValue("v", version);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return null;
            }
        }

        var (global, corrupted) = await ReadGlobalAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var changed = new HashSet<string>();
        var watermarks = new Dictionary<string, long>();
        var quarantined = corrupted.Count;
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            // A corrupted global row is moved aside (its group restarts from the deltas that follow); nothing else is touched.
            foreach (var c in corrupted)
            {
                batch.BatchCommands.Add(Quarantine("global", null, null, c.Kind, c.Key, c.Error, c.Raw, c.Returned));
                var delete = new NpgsqlBatchCommand("DELETE FROM fg_global WHERE policy = @p AND kind = @kind AND group_key = @key");
                delete.Parameters.AddWithValue("p", _policy);
                delete.Parameters.AddWithValue("kind", c.Kind);
                delete.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Bytea) { Value = c.Key });
                batch.BatchCommands.Add(delete);
            }

            foreach (var d in deltas)
            {
                watermarks[d.Replica] = Math.Max(watermarks.GetValueOrDefault(d.Replica), d.Seq);
                if (d.Group is null)
                {
                    quarantined++;
                    batch.BatchCommands.Add(Quarantine("delta", d.Replica, d.Seq, d.Kind, d.Key, d.Error!, d.Raw, d.Returned));
                    continue;
                }

                var id = GroupId(d.Kind, d.Key);
                global[id] = Merge(global.GetValueOrDefault(id), d.Group);
                changed.Add(id);
            }

            foreach (var id in changed)
            {
                var g = global[id];
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO fg_global (policy, kind, group_key, label, samples, raw, returned)
                    VALUES (@p, @kind, @key, @label, @samples, @raw, @returned)
                    ON CONFLICT (policy, kind, group_key) DO UPDATE SET
                        label = excluded.label, samples = excluded.samples, raw = excluded.raw, returned = excluded.returned
                    """);
                command.Parameters.AddWithValue("p", _policy);
                AddGroup(command.Parameters, g);
                batch.BatchCommands.Add(command);
            }

            foreach (var (replica, seq) in watermarks)
            {
                foreach (var sql in (string[])[
                    "INSERT INTO fg_watermark (policy, replica, folded_seq) VALUES (@p, @r, @seq) ON CONFLICT (policy, replica) DO UPDATE SET folded_seq = greatest(fg_watermark.folded_seq, excluded.folded_seq)",
                    "DELETE FROM fg_delta WHERE policy = @p AND replica = @r AND seq <= @seq"])
                {
                    var command = new NpgsqlBatchCommand(sql);
                    command.Parameters.AddWithValue("p", _policy);
                    command.Parameters.AddWithValue("r", replica);
                    command.Parameters.AddWithValue("seq", seq);
                    batch.BatchCommands.Add(command);
                }
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new FoldResult(version + 1, deltas.Count - (quarantined - corrupted.Count), quarantined);
    }

    private async Task<(Dictionary<string, GroupSketchState> Groups, List<CorruptRow> Corrupted)> ReadGlobalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, GroupSketchState>(StringComparer.Ordinal);
        var corrupted = new List<CorruptRow>();
        await using var command = new NpgsqlCommand("SELECT kind, group_key, label, samples, raw, returned FROM fg_global WHERE policy = @p ORDER BY kind, group_key;", connection, transaction);
        command.Parameters.AddWithValue("p", _policy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (kind, key, raw, returned) = (reader.GetInt16(0), (byte[])reader[1], (byte[])reader[4], (byte[])reader[5]);
            var group = Decode(kind, key, reader.GetString(2), reader.GetInt64(3), raw, returned, out var error);
            if (group is null)
            {
                corrupted.Add(new CorruptRow(kind, key, error!, raw, returned));
                continue;
            }

            groups[GroupId(reader.GetInt16(0), group.Key)] = group;
        }

        return (groups, corrupted);
    }

    // A group's global sketches start empty with a seed fixed by (policy, group), so every replica that
    // folds the same deltas onto the same global row computes the same bytes.
    private GroupSketchState Merge(GroupSketchState? global, GroupSketchState delta)
    {
        var seed = SeedFor(delta.Kind, delta.Key);
        var raw = global?.Raw.Clone() ?? new QuantileSketch(_sketchK, seed);
        var returned = global?.Returned.Clone() ?? new QuantileSketch(_monitorK, ~seed);
        raw.Merge(delta.Raw);
        returned.Merge(delta.Returned);
        return new GroupSketchState(delta.Kind, delta.Key, delta.Label, (global?.Samples ?? 0) + delta.Samples, raw, returned);
    }

    private ulong SeedFor(GroupKind kind, byte[] key)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(_policy).Append((byte)kind).Concat(key))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }

    private static string GroupId(short kind, byte[] key) => $"{kind}:{Convert.ToHexString(key)}";

    private NpgsqlBatchCommand Quarantine(string source, string? replica, long? seq, short kind, byte[] key, string reason, byte[] raw, byte[] returned)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO fg_quarantine (policy, source, replica, seq, kind, group_key, reason, raw, returned)
            VALUES (@p, @source, @r, @seq, @kind, @key, @reason, @raw, @returned)
            """);
        command.Parameters.AddWithValue("p", _policy);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("r", (object?)replica ?? DBNull.Value);
        command.Parameters.AddWithValue("seq", (object?)seq ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Bytea) { Value = key });
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.Add(new NpgsqlParameter("raw", NpgsqlDbType.Bytea) { Value = raw });
        command.Parameters.Add(new NpgsqlParameter("returned", NpgsqlDbType.Bytea) { Value = returned });
        return command;
    }

    private sealed class ConcurrencyConflictException : Exception
    {
        public ConcurrencyConflictException()
            : base("Another replica folded first.")
        {
        }
    }
}

/// <summary>A row whose sketches cannot be read.</summary>
internal sealed record CorruptRow(short Kind, byte[] Key, string Error, byte[] Raw, byte[] Returned);

/// <summary>The outcome of a fold.</summary>
internal sealed record FoldResult(long Version, int FoldedRows, int QuarantinedRows);
