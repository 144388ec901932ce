namespace FairnessGuard.Storage.Sqlite;

/// <summary>Settings of <c>UseSqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>How long the violation audit log keeps violations; null keeps them forever.</summary>
    public TimeSpan? AuditRetention { get; set; }

    /// <summary>Whether every guard's violations are written to the audit log (table in the same file). Default true.</summary>
    public bool AuditLog { get; set; } = true;
}
