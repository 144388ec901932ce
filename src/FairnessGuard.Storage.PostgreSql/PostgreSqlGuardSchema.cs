using Npgsql;

namespace FairnessGuard.Storage.PostgreSql;

/// <summary>
/// The replication schema, created and migrated on first use under a transaction-scoped advisory lock, so
/// replicas starting together do not race on DDL. Each migration step runs once, in order, recorded in
/// <c>fg_schema_version</c>.
/// </summary>
internal static class PostgreSqlGuardSchema
{
    /// <summary>Arbitrary constant: the advisory lock that serialises migrations.</summary>
    private const long MigrationLock = 0x46474753_4348454D;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE fg_policy (
            policy text PRIMARY KEY, shape bigint NOT NULL, version bigint NOT NULL, folded_at timestamptz);
        CREATE TABLE fg_delta (
            policy text NOT NULL, replica text NOT NULL, seq bigint NOT NULL, kind smallint NOT NULL,
            group_key bytea NOT NULL, label text NOT NULL, samples bigint NOT NULL, raw bytea NOT NULL,
            returned bytea NOT NULL, pushed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (policy, replica, seq, kind, group_key));
        CREATE TABLE fg_watermark (
            policy text NOT NULL, replica text NOT NULL, folded_seq bigint NOT NULL, PRIMARY KEY (policy, replica));
        CREATE TABLE fg_global (
            policy text NOT NULL, kind smallint NOT NULL, group_key bytea NOT NULL, label text NOT NULL,
            samples bigint NOT NULL, raw bytea NOT NULL, returned bytea NOT NULL, PRIMARY KEY (policy, kind, group_key));
        CREATE TABLE fg_quarantine (
            id bigserial PRIMARY KEY, policy text NOT NULL, source text NOT NULL, replica text, seq bigint,
            kind smallint NOT NULL, group_key bytea NOT NULL, reason text NOT NULL, raw bytea, returned bytea,
            quarantined_at timestamptz NOT NULL DEFAULT now());
        """,
    ];

    /// <summary>The schema version after every migration.</summary>
    public static int Version => Migrations.Length;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock); CREATE TABLE IF NOT EXISTS fg_schema_version (version int NOT NULL);", connection, transaction))
        {
            command.Parameters.AddWithValue("lock", MigrationLock);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM fg_schema_version;", connection, transaction))
        {
            current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var v = current; v < Migrations.Length; v++)
        {
            await using var command = new NpgsqlCommand(Migrations[v] + "INSERT INTO fg_schema_version (version) VALUES (@v);", connection, transaction);
            command.Parameters.AddWithValue("v", v + 1);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
