using System.Collections.Concurrent;
using FairnessGuard.Guard;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FairnessGuard.Registry;

/// <summary>
/// Every guard of an application, keyed: one per (method, policy, group type) for attribute-decorated methods,
/// created on first use from the attribute's values and the configuration overrides, and one per name for
/// hand-made guards (<see cref="FairnessGuardOptions.AddGuard{TGroup}"/>). Each guard is restored from
/// <see cref="FairnessGuardOptions.StateStore"/> when it is created and gets a replica synchronizer from
/// <see cref="FairnessGuardOptions.Replication"/> when those are set; the hosted service of
/// <c>AddFairnessGuard</c> snapshots and syncs them.
/// </summary>
/// <remarks>
/// Generated code resolves guards from <see cref="Current"/>: the registry of the innermost
/// <see cref="Scope(GuardRegistry)"/> on this async flow, else <see cref="Default"/>, which DI sets once.
/// </remarks>
public sealed partial class GuardRegistry : IDisposable
{
    private readonly ConcurrentDictionary<(string Key, int Index, Type Group), RegisteredGuard> _guards = new();
    private readonly object _createLock = new();
    private FairnessGuardOptions _options;
    private int _generation;
    private bool _disposed;

    /// <summary>Creates a registry; the options are validated now.</summary>
    /// <param name="options">Overrides, logging, sinks, storage; defaults when null.</param>
    /// <exception cref="ArgumentException">An override is invalid; the message names the key and the option.</exception>
    public GuardRegistry(FairnessGuardOptions? options = null)
    {
        _options = options ?? new FairnessGuardOptions();
        ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The registry's settings (replaced as a whole by <see cref="Reload"/>).</summary>
    public FairnessGuardOptions Options => Volatile.Read(ref _options);

    /// <summary>The guards created so far.</summary>
    public IReadOnlyCollection<RegisteredGuard> Guards => [.. _guards.Values];

    /// <summary>Grows by one at each <see cref="Reload"/>: generated slots re-resolve their guard when it changes.</summary>
    internal int Generation => Volatile.Read(ref _generation);

    /// <summary>Returns the guard of <paramref name="policy"/>, creating (and restoring) it on first use.</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="policy">The policy.</param>
    /// <returns>The guard.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The effective options are invalid.</exception>
    public ParityGuard<TGroup> GetOrCreate<TGroup>(GuardPolicy policy)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(policy);
        var key = (policy.MethodKey, policy.Index, typeof(TGroup));
        if (_guards.TryGetValue(key, out var found))
        {
            return (ParityGuard<TGroup>)found.Guard;
        }

        // Created under a lock so two first calls cannot both build (and restore) a guard.
        lock (_createLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_guards.TryGetValue(key, out found))
            {
                found = Create<TGroup>(policy.StateKey, policy, BuildOptions(policy), previous: null);
                _guards[key] = found;
            }

            return (ParityGuard<TGroup>)found.Guard;
        }
    }

    /// <summary>Returns the hand-made guard <paramref name="name"/>, creating (and restoring) it on first use.</summary>
    /// <typeparam name="TGroup">The group key type it was added with.</typeparam>
    /// <param name="name">The name given to <see cref="FairnessGuardOptions.AddGuard{TGroup}"/>.</param>
    /// <returns>The guard.</returns>
    /// <exception cref="InvalidOperationException">No guard of that name and group type was added.</exception>
    public ParityGuard<TGroup> GetOrCreate<TGroup>(string name)
        where TGroup : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = (name, -1, typeof(TGroup));
        if (_guards.TryGetValue(key, out var found))
        {
            return (ParityGuard<TGroup>)found.Guard;
        }

        lock (_createLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_guards.TryGetValue(key, out found))
            {
                var options = BuildOptions(name, typeof(TGroup)) ?? throw new InvalidOperationException(
                    $"No guard '{name}' of group type {typeof(TGroup).Name} was added (FairnessGuardOptions.AddGuard or AddFairnessGuard(...).AddGuard).");
                found = Create<TGroup>(name, null, options, previous: null);
                _guards[key] = found;
            }

            return (ParityGuard<TGroup>)found.Guard;
        }
    }

    /// <summary>The guard of a method's policy, if it has been created.</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="methodKey">"Namespace.Type.Method".</param>
    /// <param name="index">The policy's position on the method.</param>
    /// <returns>The guard, or null.</returns>
    public ParityGuard<TGroup>? Find<TGroup>(string methodKey, int index = 0)
        where TGroup : notnull =>
        _guards.TryGetValue((methodKey, index, typeof(TGroup)), out var found) ? (ParityGuard<TGroup>)found.Guard : null;

    /// <summary>Snapshots every durable guard to the state store (failures are logged by the persistence).</summary>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>How many snapshots were stored.</returns>
    public async Task<int> SaveAllAsync(CancellationToken cancellationToken = default)
    {
        var saved = 0;
        foreach (var entry in _guards.Values)
        {
            saved += await entry.SaveAsync(cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return saved;
    }

    /// <summary>Syncs every replicated guard with the other replicas.</summary>
    /// <param name="cancellationToken">Cancels the exchanges.</param>
    /// <returns>How many syncs reached the shared state.</returns>
    public async Task<int> SyncAllAsync(CancellationToken cancellationToken = default)
    {
        var synced = 0;
        foreach (var entry in _guards.Values)
        {
            synced += await entry.SyncAsync(cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return synced;
    }

    /// <summary>Disposes every guard (and synchronizer); if this is the default registry, the next use creates a fresh one.</summary>
    public void Dispose()
    {
        lock (_createLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        ReleaseDefault(this);
        foreach (var entry in _guards.Values)
        {
            entry.Release();
        }
    }

    /// <summary>Creates every hand-made guard now (the hosted service does this at start, so they are restored before the first request).</summary>
    internal void CreateAddedGuards()
    {
        foreach (var definition in Options.AddedGuards.Values)
        {
            definition.Create(this);
        }
    }

    private RegisteredGuard Create<TGroup>(string name, GuardPolicy? policy, ParityGuardOptions options, IParityGuard? previous)
        where TGroup : notnull
    {
        var settings = Options;
        var persistence = settings.StateStore is { } store ? new GuardPersistence<TGroup>(store, options, name) : null;
        var guard = previous is ParityGuard<TGroup> old
            ? Carry(old, options, name)
            : persistence?.RestoreAsync().GetAwaiter().GetResult() ?? new ParityGuard<TGroup>(options);
        var synchronizer = settings.Replication?.Create(guard, name);
        Func<IParityGuard, CancellationToken, Task<bool>>? save = persistence is null ? null : (g, ct) => persistence.SaveAsync((ParityGuard<TGroup>)g, ct);
        return new RegisteredGuard(name, policy, guard, save, synchronizer)
        {
            Rebuild = (newOptions, current) => Create<TGroup>(name, policy, newOptions, current),
        };
    }

    private ILogger Logger => Options.LoggerFactory?.CreateLogger("FairnessGuard.Registry") ?? NullLogger.Instance;

    private static void ThrowIfInvalid(FairnessGuardOptions options, string paramName)
    {
        var failures = FairnessGuardOptionsValidator.Failures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), paramName);
        }
    }
}
