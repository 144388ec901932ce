using System.Diagnostics.Metrics;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FairnessGuard.Registry;

/// <summary>
/// Settings of a <see cref="GuardRegistry"/>: per-method overrides of the attributes' values, and the
/// logging, sinks and clock every guard shares.
/// </summary>
public sealed class FairnessGuardOptions
{
    /// <summary>The configuration section read by <see cref="LoadConfiguration"/> and by <c>AddFairnessGuard</c>.</summary>
    public const string SectionName = "FairnessGuard";

    /// <summary>
    /// Overrides keyed by "Namespace.Type.Method" (every policy of the method) or
    /// "Namespace.Type.Method:SensitiveMember" (one policy); keys compare ignoring case, like configuration.
    /// </summary>
    public IDictionary<string, PolicyOverrides> Policies { get; } = new Dictionary<string, PolicyOverrides>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the guards log; none when null (<c>AddFairnessGuard</c> fills it from DI).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates every guard's meter; <c>AddFairnessGuard</c> fills it from DI. A meter per guard when null.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Where every guard writes violations (<c>AddFairnessGuard</c> adds each registered <see cref="IViolationSink"/>).</summary>
    public IList<IViolationSink> Sinks { get; } = [];

    /// <summary>The guards' clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A last say in code over each guard's options, after the attribute and configuration.</summary>
    public Action<GuardPolicy, ParityGuardOptions>? ConfigurePolicy { get; set; }

    /// <summary>Whether the DI-built registry becomes <see cref="GuardRegistry.Default"/>. Default true.</summary>
    public bool ReplaceDefaultRegistry { get; set; } = true;

    /// <summary>Values in configuration that could not be read ("key: problem"); reported by validation.</summary>
    internal List<string> ConfigurationErrors { get; } = [];

    /// <summary>
    /// Reads <c>FairnessGuard:Policies:&lt;Namespace.Type.Method&gt;[:&lt;SensitiveMember&gt;]:&lt;Option&gt;</c> into
    /// <see cref="Policies"/>. Values that cannot be parsed are kept as errors, reported when the options are validated.
    /// </summary>
    /// <param name="configuration">The configuration root (or any section holding a <c>FairnessGuard</c> child).</param>
    /// <returns>These options.</returns>
    public FairnessGuardOptions LoadConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        PolicyConfigurationReader.Read(configuration.GetSection(SectionName).GetSection("Policies"), this);
        return this;
    }
}
