using FairnessGuard.Guard;
using FairnessGuard.State;

namespace FairnessGuard.Registry;

/// <summary>
/// Creates the replica synchronizer of each guard a <see cref="GuardRegistry"/> creates (set by
/// <c>UsePostgreSql</c>); the registry's hosted service runs the syncs.
/// </summary>
public interface IGuardReplication
{
    /// <summary>The synchronizer of one guard.</summary>
    /// <typeparam name="TGroup">The group key.</typeparam>
    /// <param name="guard">The guard, just created or restored.</param>
    /// <param name="key">The guard's registry key (unique per guard; the same on every replica).</param>
    /// <returns>The synchronizer (disposed with the guard when it is <see cref="IDisposable"/>).</returns>
    IGuardSynchronizer Create<TGroup>(ParityGuard<TGroup> guard, string key)
        where TGroup : notnull;
}
