using FairnessGuard.Guard;
using FairnessGuard.State;

namespace FairnessGuard.Registry;

/// <summary>A guard held by a <see cref="GuardRegistry"/>, seen without its group type (for reports, health checks and hosting).</summary>
public sealed class RegisteredGuard
{
    private readonly Func<IParityGuard, CancellationToken, Task<bool>>? _save;

    internal RegisteredGuard(string name, GuardPolicy? policy, IParityGuard guard, Func<IParityGuard, CancellationToken, Task<bool>>? save, IGuardSynchronizer? synchronizer)
    {
        Name = name;
        Policy = policy;
        Guard = guard;
        _save = save;
        Synchronizer = synchronizer;
    }

    /// <summary>
    /// The guard's key: "Namespace.Type.Method:SensitiveMember" for a generated method's policy, the name given to
    /// <c>AddGuard</c> for a hand-made guard. Also the key of its rows in the state store and of its replicated state.
    /// </summary>
    public string Name { get; }

    /// <summary>The policy the guard enforces, read from the attribute; null for a hand-made guard.</summary>
    public GuardPolicy? Policy { get; }

    /// <summary>The group key type of the guard.</summary>
    public Type GroupType => Guard.GroupType;

    /// <summary>The guard itself.</summary>
    public IParityGuard Guard { get; }

    /// <summary>The replica synchronizer, when replication is configured.</summary>
    public IGuardSynchronizer? Synchronizer { get; }

    /// <summary>Whether the guard is persisted to a state store.</summary>
    public bool IsDurable => _save is not null;

    /// <summary>Flushes and measures parity now.</summary>
    /// <returns>The report.</returns>
    public GuardReport GetReport() => Guard.GetReport();

    /// <summary>Snapshots the guard to the state store; false (logged) when the store failed or none is configured.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when stored.</returns>
    public Task<bool> SaveAsync(CancellationToken cancellationToken = default) =>
        _save is null ? Task.FromResult(false) : _save(Guard, cancellationToken);

    /// <summary>One exchange with the other replicas; false when not configured or unreachable.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>True when the shared state was reached and installed.</returns>
    public Task<bool> SyncAsync(CancellationToken cancellationToken = default) =>
        Synchronizer is null ? Task.FromResult(false) : Synchronizer.SyncAsync(cancellationToken);

    /// <summary>Builds this guard's successor under new options, carrying its state over (set by the registry).</summary>
    internal Func<ParityGuardOptions, IParityGuard, RegisteredGuard>? Rebuild { get; init; }

    internal void Release()
    {
        (Synchronizer as IDisposable)?.Dispose();
        Guard.Dispose();
    }
}
