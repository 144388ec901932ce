using FairnessGuard.Hosting;
using FairnessGuard.Registry;
using FairnessGuard.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>SQLite storage for the registry built by <c>AddFairnessGuard</c>.</summary>
public static class SqliteFairnessGuardBuilderExtensions
{
    /// <summary>
    /// Keeps every guard of the registry — generated methods' and hand-made — in the SQLite file
    /// <paramref name="path"/> (WAL): each guard is restored from its latest compatible snapshot when it is created,
    /// snapshotted every <see cref="FairnessGuardOptions.SnapshotInterval"/> and when the host stops, and its
    /// violations are written to the audit log in the same file.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddFairnessGuard</c>.</param>
    /// <param name="path">The database file (created if missing).</param>
    /// <param name="configure">Audit log settings; optional.</param>
    /// <returns>The builder.</returns>
    public static FairnessGuardBuilder UseSqlite(this FairnessGuardBuilder builder, string path, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var settings = new SqliteStorageOptions();
        configure?.Invoke(settings);

        // One database, store and audit log per provider, whatever number of times the options are rebuilt (reloads).
        builder.Services.AddSingleton(sp => new SqliteStorage(path, settings, sp.GetService<TimeProvider>()));
        builder.Services.AddSingleton<IConfigureOptions<FairnessGuardOptions>>(sp => new ConfigureOptions<FairnessGuardOptions>(options =>
        {
            var storage = sp.GetRequiredService<SqliteStorage>();
            options.StateStore = storage.Store;
            if (storage.AuditLog is { } audit)
            {
                options.Sinks.Add(audit);
            }
        }));
        return builder;
    }

    /// <summary>The provider's SQLite objects.</summary>
    internal sealed class SqliteStorage
    {
        public SqliteStorage(string path, SqliteStorageOptions settings, TimeProvider? time)
        {
            var database = new SqliteGuardDatabase(path);
            Store = new SqliteGuardStateStore(database);
            AuditLog = settings.AuditLog ? new SqliteViolationAuditLog(database, settings.AuditRetention, time ?? TimeProvider.System) : null;
        }

        public SqliteGuardStateStore Store { get; }

        public SqliteViolationAuditLog? AuditLog { get; }
    }
}
