namespace FairnessGuard.State;

/// <summary>Exchanges a guard's state with other replicas (push local deltas, pull the shared state).</summary>
public interface IGuardSynchronizer
{
    /// <summary>One exchange. Never throws for an unreachable peer: the guard keeps serving from local state.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>True when the shared state was reached and installed.</returns>
    Task<bool> SyncAsync(CancellationToken cancellationToken);
}
