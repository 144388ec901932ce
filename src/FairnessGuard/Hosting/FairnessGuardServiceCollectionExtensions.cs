using FairnessGuard.Hosting;
using FairnessGuard.Monitoring;
using FairnessGuard.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FairnessGuard with Microsoft.Extensions.DependencyInjection: one call, one registry.</summary>
public static class FairnessGuardServiceCollectionExtensions
{
    /// <summary>
    /// Registers the application's <see cref="GuardRegistry"/>: every generated method's guards and every hand-made
    /// guard (<see cref="FairnessGuardBuilder.AddGuard{TGroup}"/>), with storage and replication when configured
    /// (<c>.UseSqlite(…)</c>, <c>.UsePostgreSql(…)</c>). <see cref="FairnessGuardOptions"/> are set by
    /// <paramref name="configure"/> and then by the <c>FairnessGuard</c> section of <see cref="IConfiguration"/>
    /// (configuration has the last word), with the <see cref="ILoggerFactory"/>, the <see cref="System.Diagnostics.Metrics.IMeterFactory"/>,
    /// every <see cref="IViolationSink"/> and the <see cref="TimeProvider"/> if registered. The options are validated
    /// on start; when configuration reloads, the guards whose options changed are rebuilt (<see cref="GuardRegistry.Reload"/>).
    /// A hosted service makes the registry <see cref="GuardRegistry.Default"/> (used by generated code), creates the
    /// hand-made guards, and snapshots and syncs every guard while the host runs and when it stops.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code; optional.</param>
    /// <returns>The builder, to add guards and storage.</returns>
    public static FairnessGuardBuilder AddFairnessGuard(this IServiceCollection services, Action<FairnessGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<FairnessGuardOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(GuardRegistry)))
        {
            return new FairnessGuardBuilder(services);
        }

        services.AddSingleton<IConfigureOptions<FairnessGuardOptions>>(sp => new ConfigureOptions<FairnessGuardOptions>(options => FromServices(sp, options)));
        services.AddSingleton<IOptionsChangeTokenSource<FairnessGuardOptions>>(sp => new ConfigurationChangeSource(sp.GetService<IConfiguration>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FairnessGuardOptions>, FairnessGuardOptionsValidator>());
        builder.ValidateOnStart();
        services.AddSingleton(sp => new RegistryReload(sp.GetRequiredService<IOptionsMonitor<FairnessGuardOptions>>()));
        services.AddSingleton(sp => sp.GetRequiredService<RegistryReload>().Registry);
        services.AddSingleton<IHostedService>(sp => new GuardRegistryService(sp.GetRequiredService<GuardRegistry>()));
        return new FairnessGuardBuilder(services);
    }

    /// <summary>
    /// Resolves the registry now, so it becomes <see cref="GuardRegistry.Default"/> in an app without a host
    /// (a host does this itself when it starts). Throws if the options are invalid.
    /// </summary>
    /// <param name="services">The built service provider.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names the option.</exception>
    public static GuardRegistry UseFairnessGuard(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<GuardRegistry>();
    }

    private static void FromServices(IServiceProvider services, FairnessGuardOptions options)
    {
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        options.MeterFactory ??= services.GetService<System.Diagnostics.Metrics.IMeterFactory>();
        if (services.GetService<TimeProvider>() is { } clock)
        {
            options.TimeProvider = clock;
        }

        foreach (var sink in services.GetServices<IViolationSink>())
        {
            options.Sinks.Add(sink);
        }

        if (services.GetService<IConfiguration>() is { } configuration)
        {
            options.LoadConfiguration(configuration);
        }
    }

    /// <summary>Owns the registry and its subscription to option changes; disposed by DI with the registry.</summary>
    private sealed class RegistryReload : IDisposable
    {
        private readonly IDisposable? _subscription;

        public RegistryReload(IOptionsMonitor<FairnessGuardOptions> monitor)
        {
            var options = monitor.CurrentValue;
            Registry = new GuardRegistry(options);
            if (options.ReplaceDefaultRegistry)
            {
                GuardRegistry.Default = Registry;
            }

            _subscription = monitor.OnChange(Reload);
        }

        public GuardRegistry Registry { get; }

        public void Dispose()
        {
            _subscription?.Dispose();
            Registry.Dispose();
        }

        private void Reload(FairnessGuardOptions options)
        {
            try
            {
                Registry.Reload(options);
            }
            catch (Exception ex) when (ex is ArgumentException or ObjectDisposedException)
            {
                var logger = Registry.Options.LoggerFactory?.CreateLogger("FairnessGuard.Registry") ?? NullLogger.Instance;
                RegistryLog.ReloadRejected(logger, ex.Message);
            }
        }
    }
}
