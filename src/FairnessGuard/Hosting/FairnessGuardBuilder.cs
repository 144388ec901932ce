using FairnessGuard.Guard;
using FairnessGuard.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace FairnessGuard.Hosting;

/// <summary>
/// Returned by <c>services.AddFairnessGuard(…)</c>: adds hand-made guards and storage or replication
/// (<c>UseSqlite</c>, <c>UsePostgreSql</c>) to the one registry of the application.
/// </summary>
public sealed class FairnessGuardBuilder
{
    internal FairnessGuardBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The services (for extensions such as <c>UseSqlite</c>).</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a hand-made guard to the registry, resolvable as a keyed singleton
    /// (<c>[FromKeyedServices(name)] ParityGuard&lt;TGroup&gt;</c>) and through
    /// <see cref="GuardRegistry.GetOrCreate{TGroup}(string)"/>; restored, snapshotted and replicated like every guard of
    /// the registry. See <see cref="FairnessGuardOptions.AddGuard{TGroup}"/>.
    /// </summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="name">The guard's name: its policy name and its key in storage.</param>
    /// <param name="configure">Sets its options; optional.</param>
    /// <returns>This builder.</returns>
    public FairnessGuardBuilder AddGuard<TGroup>(string name, Action<ParityGuardOptions>? configure = null)
        where TGroup : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Services.Configure<FairnessGuardOptions>(o => o.AddGuard<TGroup>(name, configure));
        Services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredService<GuardRegistry>().GetOrCreate<TGroup>(name));
        return this;
    }

    /// <summary>Sets registry options in code (as the delegate given to <c>AddFairnessGuard</c>).</summary>
    /// <param name="configure">Sets options.</param>
    /// <returns>This builder.</returns>
    public FairnessGuardBuilder Configure(Action<FairnessGuardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
