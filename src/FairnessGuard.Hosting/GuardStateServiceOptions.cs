namespace FairnessGuard.Hosting;

/// <summary>How often the hosted service persists and synchronises a guard.</summary>
public sealed class GuardStateServiceOptions
{
    /// <summary>Time between snapshots to the state store. Default 30 s.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between replica syncs (when a synchronizer is configured). Default 5 s.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A SQLite database file: when set, the <see cref="GuardStateServiceCollectionExtensions"/> overload without a
    /// store keeps snapshots and the violation audit log there (WAL). Null: no persistence.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>How long the SQLite audit log keeps violations; null keeps them forever.</summary>
    public TimeSpan? AuditRetention { get; set; }

    /// <summary>The clock the intervals are measured with.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (SnapshotInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SnapshotInterval), SnapshotInterval, "GuardStateServiceOptions.SnapshotInterval must be positive.");
        }

        if (SyncInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SyncInterval), SyncInterval, "GuardStateServiceOptions.SyncInterval must be positive.");
        }
    }
}
