using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <summary>
/// The generated code's handle on one policy's guard, held in a static field: resolves the guard from
/// <see cref="GuardRegistry.Default"/> once, and again only when the default registry is replaced (as a DI
/// host does at start-up), so each call costs one reference comparison.
/// </summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed class GuardSlot<TGroup>
    where TGroup : notnull
{
    private Resolved? _resolved;

    /// <summary>Creates the slot; nothing is resolved until the first call.</summary>
    /// <param name="policy">The policy read from the attribute.</param>
    public GuardSlot(GuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>The policy read from the attribute.</summary>
    public GuardPolicy Policy { get; }

    /// <summary>The guard from the current default registry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The effective options are invalid (a code override broke them): the method fails rather than run unguarded.
    /// </exception>
    public ParityGuard<TGroup> Guard
    {
        get
        {
            var registry = GuardRegistry.Default;
            var resolved = Volatile.Read(ref _resolved);
            return resolved is not null && ReferenceEquals(resolved.Registry, registry) ? resolved.Guard : Resolve(registry);
        }
    }

    private ParityGuard<TGroup> Resolve(GuardRegistry registry)
    {
        var guard = registry.GetOrCreate<TGroup>(Policy);
        Volatile.Write(ref _resolved, new Resolved(registry, guard));
        return guard;
    }

    private sealed record Resolved(GuardRegistry Registry, ParityGuard<TGroup> Guard);
}
