namespace FairnessGuard.Storage.PostgreSql;

/// <summary>Settings of one replica's PostgreSQL replication.</summary>
public sealed class PostgreSqlReplicationOptions
{
    /// <summary>The Npgsql connection string (required).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>This replica's unique, stable id (host name, pod name): delta ids are (replica, sequence). Required.</summary>
    public string ReplicaId { get; set; } = string.Empty;

    /// <summary>Deltas kept while the database is unreachable; beyond it the oldest are dropped, counted and logged. Default 720 (an hour at 5 s syncs).</summary>
    public int MaxBufferedDeltas { get; set; } = 720;

    /// <summary>
    /// Bytes the delta buffer may hold while the database is unreachable (the serialised sketches plus keys and
    /// labels of every buffered delta); beyond it the oldest deltas are dropped, counted in
    /// <c>DroppedDeltas</c> and logged (event 1115). Default 64 MiB.
    /// </summary>
    public long MaxBufferedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How often a fold retries after losing an optimistic-concurrency race. Default 16.</summary>
    public int FoldAttempts { get; set; } = 16;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentOutOfRangeException(nameof(ConnectionString), "PostgreSqlReplicationOptions.ConnectionString is required.");
        }

        if (string.IsNullOrWhiteSpace(ReplicaId))
        {
            throw new ArgumentOutOfRangeException(nameof(ReplicaId), "PostgreSqlReplicationOptions.ReplicaId is required and must be unique per replica.");
        }

        if (MaxBufferedDeltas < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBufferedDeltas), MaxBufferedDeltas, "PostgreSqlReplicationOptions.MaxBufferedDeltas must be at least 1.");
        }

        if (MaxBufferedBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBufferedBytes), MaxBufferedBytes, "PostgreSqlReplicationOptions.MaxBufferedBytes must be at least 1.");
        }

        if (FoldAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FoldAttempts), FoldAttempts, "PostgreSqlReplicationOptions.FoldAttempts must be at least 1.");
        }
    }
}
