using FairnessGuard.Hosting;
using FairnessGuard.Monitoring;
using FairnessGuard.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FairnessGuard with Microsoft.Extensions.DependencyInjection.</summary>
public static class FairnessGuardServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="GuardRegistry"/> built from DI: <see cref="FairnessGuardOptions"/> set by
    /// <paramref name="configure"/> and then by the <c>FairnessGuard</c> section of <see cref="IConfiguration"/>
    /// (configuration has the last word), the <see cref="ILoggerFactory"/>, every <see cref="IViolationSink"/> and
    /// the <see cref="TimeProvider"/> if registered. The options are validated on start. The registry becomes
    /// <see cref="GuardRegistry.Default"/> (used by generated code) when the host starts or when it is first resolved.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code; optional.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFairnessGuard(this IServiceCollection services, Action<FairnessGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<FairnessGuardOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(GuardRegistry)))
        {
            return services;
        }

        services.AddSingleton<IConfigureOptions<FairnessGuardOptions>>(sp => new ConfigureOptions<FairnessGuardOptions>(options => FromServices(sp, options)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FairnessGuardOptions>, FairnessGuardOptionsValidator>());
        builder.ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FairnessGuardOptions>>().Value;
            var registry = new GuardRegistry(options);
            if (options.ReplaceDefaultRegistry)
            {
                GuardRegistry.Default = registry;
            }

            return registry;
        });
        services.AddSingleton<IHostedService>(sp => new GuardRegistryActivation(sp.GetRequiredService<GuardRegistry>()));
        return services;
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
}
