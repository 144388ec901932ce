using Microsoft.Data.Sqlite;

namespace FairnessGuard.Storage.Sqlite;

/// <summary>
/// One SQLite database file holding guard snapshots and the violation audit log. Opened in WAL mode with
/// <c>synchronous=FULL</c>, so a committed transaction survives a crash of the process or the machine; the
/// schema is created on first use.
/// </summary>
public sealed class SqliteGuardDatabase
{
    /// <summary>The schema version this build writes.</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS fg_schema (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS fg_snapshot (
            policy TEXT NOT NULL, shape INTEGER NOT NULL, saved_at INTEGER NOT NULL, bytes BLOB NOT NULL,
            PRIMARY KEY (policy, shape));
        CREATE TABLE IF NOT EXISTS fg_snapshot_quarantine (
            id INTEGER PRIMARY KEY, policy TEXT NOT NULL, shape INTEGER NOT NULL, saved_at INTEGER NOT NULL,
            quarantined_at INTEGER NOT NULL, reason TEXT NOT NULL, bytes BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS fg_violation (
            id INTEGER PRIMARY KEY, policy TEXT NOT NULL, method TEXT, at INTEGER NOT NULL, mode INTEGER NOT NULL,
            first_group TEXT NOT NULL, second_group TEXT NOT NULL, gap REAL NOT NULL, lower_bound REAL NOT NULL,
            tolerance REAL NOT NULL, confidence REAL NOT NULL, first_count INTEGER NOT NULL,
            second_count INTEGER NOT NULL, raw_gap REAL NOT NULL);
        CREATE INDEX IF NOT EXISTS fg_violation_policy_at ON fg_violation (policy, at);
        CREATE INDEX IF NOT EXISTS fg_violation_at ON fg_violation (at);
        """;

    private static int s_initialized;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Opens (creates on first use) the database at a path.</summary>
    /// <param name="path">The database file.</param>
    public SqliteGuardDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Interlocked.Exchange(ref s_initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }

        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>An open connection with the schema in place (WAL, full sync, busy timeout set).</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The connection; dispose it.</returns>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            // WAL is a property of the file: set once, it stays on for every later connection.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Schema + "SELECT count(*) FROM fg_schema;";
                var rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                if (rows == 0)
                {
                    command.CommandText = $"INSERT INTO fg_schema (version) VALUES ({SchemaVersion});";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            transaction.Commit();
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
