using FairnessGuard.Guard;
using FairnessGuard.State;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Hosting;

/// <summary>
/// Keeps one guard durable and in sync: snapshots it every <see cref="GuardStateServiceOptions.SnapshotInterval"/>,
/// syncs it with other replicas every <see cref="GuardStateServiceOptions.SyncInterval"/>, and on shutdown
/// does a last sync and a last snapshot. Store failures are logged by the persistence and never stop the service.
/// </summary>
/// <typeparam name="TGroup">The group key.</typeparam>
public sealed class GuardStateService<TGroup> : BackgroundService
    where TGroup : notnull
{
    private readonly ParityGuard<TGroup> _guard;
    private readonly GuardPersistence<TGroup>? _persistence;
    private readonly IGuardSynchronizer? _synchronizer;
    private readonly GuardStateServiceOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="guard">The guard to keep.</param>
    /// <param name="persistence">Where snapshots go; null for none.</param>
    /// <param name="synchronizer">The replica sync; null for a single instance.</param>
    /// <param name="options">Intervals; defaults when null.</param>
    public GuardStateService(ParityGuard<TGroup> guard, GuardPersistence<TGroup>? persistence, IGuardSynchronizer? synchronizer = null, GuardStateServiceOptions? options = null)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
        _persistence = persistence;
        _synchronizer = synchronizer;
        _options = options ?? new GuardStateServiceOptions();
        _options.Validate();
    }

    /// <summary>Snapshots taken (successful or not) since start.</summary>
    public int SnapshotsAttempted { get; private set; }

    /// <summary>Syncs attempted since start.</summary>
    public int SyncsAttempted { get; private set; }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The loop has ended: flush what is buffered, push it to the replicas and persist it.
        if (_synchronizer is not null)
        {
            SyncsAttempted++;
            await _synchronizer.SyncAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_persistence is not null)
        {
            SnapshotsAttempted++;
            await _persistence.SaveAsync(_guard, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var time = _options.TimeProvider;
        var tick = _synchronizer is null ? _options.SnapshotInterval : Min(_options.SnapshotInterval, _options.SyncInterval);
        var nextSnapshot = time.GetUtcNow() + _options.SnapshotInterval;
        var nextSync = time.GetUtcNow() + _options.SyncInterval;
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow();
                if (_synchronizer is not null && now >= nextSync)
                {
                    SyncsAttempted++;
                    await _synchronizer.SyncAsync(stoppingToken).ConfigureAwait(false);
                    nextSync = now + _options.SyncInterval;
                }

                if (_persistence is not null && now >= nextSnapshot)
                {
                    SnapshotsAttempted++;
                    await _persistence.SaveAsync(_guard, stoppingToken).ConfigureAwait(false);
                    nextSnapshot = now + _options.SnapshotInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: StopAsync does the last sync and snapshot.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
