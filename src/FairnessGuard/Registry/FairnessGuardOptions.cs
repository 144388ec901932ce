using System.Diagnostics.Metrics;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using FairnessGuard.State;
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

    /// <summary>
    /// Where every guard's state is kept: restored when the guard is created, snapshotted every
    /// <see cref="SnapshotInterval"/> and when the host stops. None when null (<c>UseSqlite</c> sets it).
    /// </summary>
    public IGuardStateStore? StateStore { get; set; }

    /// <summary>Gives every guard a replica synchronizer, run every <see cref="SyncInterval"/>. None when null (<c>UsePostgreSql</c> sets it).</summary>
    public IGuardReplication? Replication { get; set; }

    /// <summary>Time between snapshots to <see cref="StateStore"/> by the hosted service. Default 30 s.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between replica syncs by the hosted service (when <see cref="Replication"/> is set). Default 5 s.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the DI-built registry becomes <see cref="GuardRegistry.Default"/>. Default true.</summary>
    public bool ReplaceDefaultRegistry { get; set; } = true;

    /// <summary>Hand-made guards by name (<see cref="AddGuard{TGroup}"/>).</summary>
    internal Dictionary<string, AddedGuard> AddedGuards { get; } = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Adds a hand-made guard to the registry under <paramref name="name"/> (its policy name, its key in the state
    /// store and in replicated state): built from the shared logging, meters, clock and sinks, then
    /// <paramref name="configure"/>, then <c>FairnessGuard:Policies:&lt;name&gt;</c>; created on first use
    /// (<see cref="GuardRegistry.GetOrCreate{TGroup}(string)"/>) or when the host starts.
    /// </summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="name">The guard's name, unique in the registry.</param>
    /// <param name="configure">Sets the guard's options; optional.</param>
    /// <returns>These options.</returns>
    public FairnessGuardOptions AddGuard<TGroup>(string name, Action<ParityGuardOptions>? configure = null)
        where TGroup : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddedGuards[name] = new AddedGuard(typeof(TGroup), configure, registry => registry.GetOrCreate<TGroup>(name));
        return this;
    }

    internal sealed record AddedGuard(Type Group, Action<ParityGuardOptions>? Configure, Func<GuardRegistry, IParityGuard> Create);
}
