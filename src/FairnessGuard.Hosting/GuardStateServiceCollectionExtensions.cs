using FairnessGuard.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Hosting;

/// <summary>Registers a durable guard with its hosted state service.</summary>
public static class GuardStateServiceCollectionExtensions
{
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
