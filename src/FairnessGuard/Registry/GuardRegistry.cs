using System.Collections.Concurrent;
using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <summary>
/// The guards of attribute-decorated methods, one per (method, policy, group type), created on first use
/// from the attribute's values, the configuration overrides and the shared logging and sinks.
/// </summary>
/// <remarks>
/// Generated code resolves guards from <see cref="Default"/>. Without DI that is a registry with default
/// settings; <c>services.AddFairnessGuard()</c> builds one from DI and makes it the default when the host
/// starts (or when it is first resolved).
/// </remarks>
public sealed class GuardRegistry : IDisposable
{
    private static GuardRegistry? _default;

    private readonly ConcurrentDictionary<(string Key, int Index, Type Group), RegisteredGuard> _guards = new();
    private readonly object _createLock = new();
    private bool _disposed;

    /// <summary>Creates a registry; the options are validated now.</summary>
    /// <param name="options">Overrides, logging and sinks; defaults when null.</param>
    /// <exception cref="ArgumentException">An override is invalid; the message names the key and the option.</exception>
    public GuardRegistry(FairnessGuardOptions? options = null)
    {
        Options = options ?? new FairnessGuardOptions();
        var failures = FairnessGuardOptionsValidator.Failures(Options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), nameof(options));
        }
    }

    /// <summary>The registry generated code uses. Replacing it makes every decorated method re-resolve its guards.</summary>
    public static GuardRegistry Default
    {
        get => Volatile.Read(ref _default) ?? CreateDefault();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _default, value);
        }
    }

    /// <summary>The registry's settings.</summary>
    public FairnessGuardOptions Options { get; }

    /// <summary>The guards created so far.</summary>
    public IReadOnlyCollection<RegisteredGuard> Guards => [.. _guards.Values];

    /// <summary>Returns the guard of <paramref name="policy"/>, creating it on first use.</summary>
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

        // Created under a lock so two first calls cannot both build a guard (each owns a Meter and sketches).
        lock (_createLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_guards.TryGetValue(key, out found))
            {
                var guard = new ParityGuard<TGroup>(BuildOptions(policy));
                found = new RegisteredGuard(policy, typeof(TGroup), guard, guard.GetReport);
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

    /// <summary>
    /// The options a policy's guard is built with: the attribute's values, then the method's configuration
    /// section, then its per-policy sub-section, then <see cref="FairnessGuardOptions.ConfigurePolicy"/>.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>New options (not yet validated).</returns>
    public ParityGuardOptions BuildOptions(GuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var options = new ParityGuardOptions
        {
            PolicyName = policy.PolicyName,
            MethodName = policy.MethodKey,
            Mode = policy.Mode,
            Strength = policy.Strength,
            Tolerance = policy.Tolerance,
            WarmUp = policy.WarmUp,
            AttributeName = policy.SensitiveMember,
            LoggerFactory = Options.LoggerFactory,
            MeterFactory = Options.MeterFactory,
            TimeProvider = Options.TimeProvider,
        };
        foreach (var sink in Options.Sinks)
        {
            options.Sinks.Add(sink);
        }

        if (Options.Policies.TryGetValue(policy.MethodKey, out var methodLevel))
        {
            methodLevel.ApplyTo(options);
        }

        if (Options.Policies.TryGetValue($"{policy.MethodKey}:{policy.SensitiveMember}", out var policyLevel))
        {
            policyLevel.ApplyTo(options);
        }

        Options.ConfigurePolicy?.Invoke(policy, options);
        return options;
    }

    /// <summary>Disposes every guard; if this is the default registry, the next use creates a fresh one.</summary>
    public void Dispose()
    {
        lock (_createLock)
        {
            _disposed = true;
        }

        Interlocked.CompareExchange(ref _default, null, this);
        foreach (var entry in _guards.Values)
        {
            ((IDisposable)entry.Guard).Dispose();
        }
    }

    private static GuardRegistry CreateDefault()
    {
        Interlocked.CompareExchange(ref _default, new GuardRegistry(), null);
        return Volatile.Read(ref _default)!;
    }
}
