using FairnessGuard.State;
using Microsoft.Data.Sqlite;

namespace FairnessGuard.Storage.Sqlite;

/// <summary>
/// Guard snapshots in SQLite: one row per (policy, options shape), replaced atomically; corrupted rows move
/// to <c>fg_snapshot_quarantine</c> in one transaction, so nothing else is touched.
/// </summary>
public sealed class SqliteGuardStateStore : IGuardStateStore
{
    private readonly SqliteGuardDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteGuardStateStore(SqliteGuardDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public async Task SaveSnapshotAsync(string policy, ulong shapeHash, ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken)
    {
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO fg_snapshot (policy, shape, saved_at, bytes) VALUES ($policy, $shape, $at, $bytes)
            ON CONFLICT (policy, shape) DO UPDATE SET saved_at = excluded.saved_at, bytes = excluded.bytes;
            """;
        command.Parameters.AddWithValue("$policy", policy);
        command.Parameters.AddWithValue("$shape", unchecked((long)shapeHash));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
        command.Parameters.Add("$bytes", SqliteType.Blob).Value = snapshot.ToArray();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredSnapshot?> LoadLatestSnapshotAsync(string policy, CancellationToken cancellationToken)
    {
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT shape, saved_at, bytes FROM fg_snapshot WHERE policy = $policy ORDER BY saved_at DESC LIMIT 1;";
        command.Parameters.AddWithValue("$policy", policy);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredSnapshot(policy, unchecked((ulong)reader.GetInt64(0)), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), (byte[])reader.GetValue(2));
    }

    /// <inheritdoc />
    public async Task<StoredSnapshot?> LoadLatestSnapshotAsync(string policy, ulong shapeHash, CancellationToken cancellationToken)
    {
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT saved_at, bytes FROM fg_snapshot WHERE policy = $policy AND shape = $shape ORDER BY saved_at DESC LIMIT 1;";
        command.Parameters.AddWithValue("$policy", policy);
        command.Parameters.AddWithValue("$shape", unchecked((long)shapeHash));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredSnapshot(policy, shapeHash, new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), (byte[])reader.GetValue(1));
    }

    /// <inheritdoc />
    public async Task QuarantineSnapshotAsync(StoredSnapshot snapshot, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO fg_snapshot_quarantine (policy, shape, saved_at, quarantined_at, reason, bytes)
            SELECT policy, shape, saved_at, $now, $reason, bytes FROM fg_snapshot WHERE policy = $policy AND shape = $shape AND saved_at = $at;
            DELETE FROM fg_snapshot WHERE policy = $policy AND shape = $shape AND saved_at = $at;
            """;
        command.Parameters.AddWithValue("$policy", snapshot.Policy);
        command.Parameters.AddWithValue("$shape", unchecked((long)snapshot.ShapeHash));
        command.Parameters.AddWithValue("$at", snapshot.SavedAt.UtcTicks);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
        command.Parameters.AddWithValue("$reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <summary>The quarantined snapshots of a policy: when, why, and the bytes.</summary>
    /// <param name="policy">The policy name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, oldest first.</returns>
    public async Task<IReadOnlyList<(DateTimeOffset QuarantinedAt, string Reason, byte[] Bytes)>> GetQuarantinedAsync(string policy, CancellationToken cancellationToken = default)
    {
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT quarantined_at, reason, bytes FROM fg_snapshot_quarantine WHERE policy = $policy ORDER BY id;";
        command.Parameters.AddWithValue("$policy", policy);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(DateTimeOffset, string, byte[])>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return rows;
    }
}
