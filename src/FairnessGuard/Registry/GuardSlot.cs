using System.ComponentModel;
using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <summary>
/// Generated-code plumbing: the handle on one policy's guard, held in a static field. Resolves the guard from
/// <see cref="GuardRegistry.Current"/> and keeps it while that registry (and its reload generation) is the same,
/// so each call costs one async-local read and two comparisons.
/// </summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
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

    /// <summary>The guard from the current registry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The effective options are invalid (a code override broke them): the method fails rather than run unguarded.
    /// </exception>
    public ParityGuard<TGroup> Guard
    {
        get
        {
            var registry = GuardRegistry.Current;
            var resolved = Volatile.Read(ref _resolved);
            return resolved is not null && ReferenceEquals(resolved.Registry, registry) && resolved.Generation == registry.Generation
                ? resolved.Guard
                : Resolve(registry);
        }
    }

    private ParityGuard<TGroup> Resolve(GuardRegistry registry)
    {
        var generation = registry.Generation;
        var guard = registry.GetOrCreate<TGroup>(Policy);
        Volatile.Write(ref _resolved, new Resolved(registry, generation, guard));
        return guard;
    }

    private sealed record Resolved(GuardRegistry Registry, int Generation, ParityGuard<TGroup> Guard);
}
