using FairnessGuard.Registry;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Hosting;

/// <summary>
/// The registry's hosted service: at start, resolving it makes the registry the default one and creates the
/// hand-made guards (restored before the first request); then it snapshots every durable guard every
/// <see cref="FairnessGuardOptions.SnapshotInterval"/> and syncs every replicated one every
/// <see cref="FairnessGuardOptions.SyncInterval"/>; on stop, a last sync and a last snapshot. Works on every
/// guard through <see cref="Guard.IParityGuard"/>; store and replica failures are logged, never thrown.
/// </summary>
internal sealed class GuardRegistryService : BackgroundService
{
    public GuardRegistryService(GuardRegistry registry)
    {
        Registry = registry;
    }

    public GuardRegistry Registry { get; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Registry.CreateAddedGuards();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The loop has ended: push what is buffered to the replicas, then persist it.
        await Registry.SyncAllAsync(cancellationToken).ConfigureAwait(false);
        await Registry.SaveAllAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = Registry.Options;
        if (options.StateStore is null && options.Replication is null)
        {
            return;
        }

        var time = options.TimeProvider;
        var tick = options.Replication is null ? options.SnapshotInterval : Min(options.SnapshotInterval, options.SyncInterval);
        var nextSnapshot = time.GetUtcNow() + options.SnapshotInterval;
        var nextSync = time.GetUtcNow() + options.SyncInterval;
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow();
                if (now >= nextSync)
                {
                    await Registry.SyncAllAsync(stoppingToken).ConfigureAwait(false);
                    nextSync = now + options.SyncInterval;
                }

                if (now >= nextSnapshot)
                {
                    await Registry.SaveAllAsync(stoppingToken).ConfigureAwait(false);
                    nextSnapshot = now + options.SnapshotInterval;
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
