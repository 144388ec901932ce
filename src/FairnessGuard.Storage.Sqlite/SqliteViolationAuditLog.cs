using FairnessGuard.Monitoring;
using Microsoft.Data.Sqlite;

namespace FairnessGuard.Storage.Sqlite;

/// <summary>
/// A durable audit log of parity violations: an <see cref="IViolationSink"/> that commits each violation in
/// its own transaction (WAL, full sync), queryable by policy and time range. Rows older than
/// <see cref="Retention"/> are deleted in the same transaction as a write, and by <see cref="PruneAsync"/>.
/// </summary>
public sealed class SqliteViolationAuditLog : IViolationSink
{
    private readonly SqliteGuardDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the log on a database.</summary>
    /// <param name="database">The database.</param>
    /// <param name="retention">How long violations are kept; null keeps them forever.</param>
    /// <param name="timeProvider">The clock retention is measured with.</param>
    public SqliteViolationAuditLog(SqliteGuardDatabase database, TimeSpan? retention = null, TimeProvider? timeProvider = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        if (retention is { } r && r <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "Retention must be positive (or null to keep every violation).");
        }

        Retention = retention;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long violations are kept; null keeps them forever.</summary>
    public TimeSpan? Retention { get; }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ParityViolation violation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violation);
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO fg_violation (policy, method, at, mode, first_group, second_group, gap, lower_bound, tolerance,
                confidence, first_count, second_count, raw_gap)
            VALUES ($policy, $method, $at, $mode, $first, $second, $gap, $bound, $tolerance, $confidence, $n1, $n2, $raw);
            """;
        var p = command.Parameters;
        p.AddWithValue("$policy", violation.PolicyName);
        p.AddWithValue("$method", (object?)violation.MethodName ?? DBNull.Value);
        p.AddWithValue("$at", violation.Timestamp.UtcTicks);
        p.AddWithValue("$mode", (int)violation.Mode);
        p.AddWithValue("$first", violation.FirstGroup);
        p.AddWithValue("$second", violation.SecondGroup);
        p.AddWithValue("$gap", violation.Gap);
        p.AddWithValue("$bound", violation.LowerBound);
        p.AddWithValue("$tolerance", violation.Tolerance);
        p.AddWithValue("$confidence", violation.Confidence);
        p.AddWithValue("$n1", violation.FirstCount);
        p.AddWithValue("$n2", violation.SecondCount);
        p.AddWithValue("$raw", violation.RawGap);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await DeleteExpiredAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <summary>The violations of a policy (every policy when null) with <c>from &lt;= timestamp &lt; to</c>, oldest first.</summary>
    /// <param name="policy">The policy, or null for all.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The violations (timestamps in UTC).</returns>
    public async Task<IReadOnlyList<ParityViolation>> QueryAsync(string? policy, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT policy, method, at, mode, first_group, second_group, gap, lower_bound, tolerance, confidence,
                first_count, second_count, raw_gap
            FROM fg_violation WHERE ($policy IS NULL OR policy = $policy) AND at >= $from AND at < $to ORDER BY at, id;
            """;
        command.Parameters.AddWithValue("$policy", (object?)policy ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", from.UtcTicks);
        command.Parameters.AddWithValue("$to", to.UtcTicks);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ParityViolation>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ParityViolation(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                (PolicyMode)reader.GetInt32(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetDouble(6),
                reader.GetDouble(7),
                reader.GetDouble(8),
                reader.GetDouble(9),
                reader.GetInt64(10),
                reader.GetInt64(11),
                reader.GetDouble(12)));
        }

        return rows;
    }

    /// <summary>Deletes violations older than <see cref="Retention"/>.</summary>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The number of rows deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteExpiredAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteExpiredAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        if (Retention is not { } retention)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM fg_violation WHERE at < $cutoff;";
        command.Parameters.AddWithValue("$cutoff", (_time.GetUtcNow() - retention).UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
