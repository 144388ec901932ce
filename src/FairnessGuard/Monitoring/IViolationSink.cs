namespace FairnessGuard.Monitoring;

/// <summary>
/// Receives parity violations (a durable audit log, an alerting hook). Called off the prediction path; an
/// exception or a faulted task is logged and counted, never passed to a caller of the guard.
/// </summary>
public interface IViolationSink
{
    /// <summary>Writes one violation.</summary>
    /// <param name="violation">The violation.</param>
    /// <param name="cancellationToken">Cancelled when the guard is disposed.</param>
    /// <returns>A task that completes when the violation is stored.</returns>
    ValueTask WriteAsync(ParityViolation violation, CancellationToken cancellationToken);
}
