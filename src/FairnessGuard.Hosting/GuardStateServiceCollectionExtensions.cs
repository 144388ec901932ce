using FairnessGuard.Guard;
using FairnessGuard.State;
using FairnessGuard.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Hosting;

/// <summary>Registers a durable guard with its hosted state service.</summary>
public static class GuardStateServiceCollectionExtensions
{
    /// <summary>
    /// Registers a durable guard with SQLite as its store when <see cref="GuardStateServiceOptions.DatabasePath"/>
    /// is set: snapshots and a violation audit log (added to the guard's sinks) in that file. Without a path
    /// the guard is registered with the hosted service but nothing is persisted (syncs still run when an
    /// <see cref="IGuardSynchronizer"/> is registered).
    /// </summary>
    /// <typeparam name="TGroup">The group key.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="guardOptions">The guard's options.</param>
    /// <param name="configure">The database path, retention and intervals.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableParityGuard<TGroup>(this IServiceCollection services, ParityGuardOptions guardOptions, Action<GuardStateServiceOptions>? configure)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(guardOptions);
        var options = new GuardStateServiceOptions();
        configure?.Invoke(options);
        if (options.DatabasePath is not { Length: > 0 } path)
        {
            services.AddSingleton(_ => new ParityGuard<TGroup>(guardOptions));
            services.AddSingleton<IHostedService>(sp => new GuardStateService<TGroup>(sp.GetRequiredService<ParityGuard<TGroup>>(), null, sp.GetService<IGuardSynchronizer>(), options));
            return services;
        }

        var database = new SqliteGuardDatabase(path);
        guardOptions.Sinks.Add(new SqliteViolationAuditLog(database, options.AuditRetention, guardOptions.TimeProvider));
        return services.AddDurableParityGuard<TGroup>(guardOptions, new SqliteGuardStateStore(database), configure);
    }

    /// <summary>
    /// Registers a singleton <see cref="ParityGuard{TGroup}"/> restored from <paramref name="store"/> on first
    /// use (fresh when there is no usable snapshot) and a hosted <see cref="GuardStateService{TGroup}"/> that
    /// snapshots it periodically and on shutdown.
    /// </summary>
    /// <typeparam name="TGroup">The group key.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="guardOptions">The guard's options.</param>
    /// <param name="store">The state store (e.g. SQLite).</param>
    /// <param name="configure">Adjusts the intervals.</param>
    /// <param name="codec">Key codec for key types without a built-in one.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableParityGuard<TGroup>(
        this IServiceCollection services,
        ParityGuardOptions guardOptions,
        IGuardStateStore store,
        Action<GuardStateServiceOptions>? configure = null,
        IGroupKeyCodec<TGroup>? codec = null)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new GuardStateServiceOptions();
        configure?.Invoke(options);
        options.Validate();
        var persistence = new GuardPersistence<TGroup>(store, guardOptions, codec);
        services.AddSingleton(persistence);

        // Restored once, before the first request can reach it (the host resolves hosted services at start).
        services.AddSingleton(_ => persistence.RestoreAsync().GetAwaiter().GetResult());
        services.AddSingleton<IHostedService>(sp => new GuardStateService<TGroup>(
            sp.GetRequiredService<ParityGuard<TGroup>>(),
            persistence,
            sp.GetService<IGuardSynchronizer>(),
            options));
        return services;
    }
}
