using FairnessGuard.Guard;
using FairnessGuard.Hosting;
using FairnessGuard.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Storage.Sqlite.Tests;

public sealed class HostedServiceTests
{
    [Fact]
    public async Task TheServiceSnapshotsPeriodicallyAndOnShutdownAndTheNextStartRestores()
    {
        using var db = new TempDatabase();
        var store = new SqliteGuardStateStore(db.Database);
        var services = new ServiceCollection().AddDurableParityGuard<string>(TempDatabase.Options(), store, o => o.SnapshotInterval = TimeSpan.FromMilliseconds(50));
        await using (var provider = services.BuildServiceProvider())
        {
            var guard = provider.GetRequiredService<ParityGuard<string>>();
            var service = (GuardStateService<string>)provider.GetServices<IHostedService>().Single();
            await service.StartAsync(default);
            TempDatabase.Feed(guard, 4_000, 9);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (service.SnapshotsAttempted < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.True(service.SnapshotsAttempted >= 2, "periodic snapshots");
            Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM fg_snapshot;"));

            // Fed after the last periodic snapshot: only the shutdown snapshot has these.
            TempDatabase.Feed(guard, 1_000, 10);
            await service.StopAsync(default);
        }

        await using var next = new ServiceCollection().AddDurableParityGuard<string>(TempDatabase.Options(), store).BuildServiceProvider();
        var restored = next.GetRequiredService<ParityGuard<string>>();
        Assert.Equal(5_000, restored.GetReport().Groups.Sum(g => g.Samples));
    }

    [Fact]
    public async Task SqliteIsTheStoreWhenAPathIsConfigured()
    {
        using var db = new TempDatabase();
        var options = TempDatabase.Options();
        options.Mode = PolicyMode.Monitor;
        await using (var provider = new ServiceCollection().AddDurableParityGuard<string>(options, o => o.DatabasePath = db.Path).BuildServiceProvider())
        {
            var service = provider.GetServices<IHostedService>().Single();
            await service.StartAsync(default);
            TempDatabase.Feed(provider.GetRequiredService<ParityGuard<string>>(), 6_000, 11);
            await service.StopAsync(default);
        }

        Assert.NotEmpty(await new SqliteViolationAuditLog(db.Database).QueryAsync("loan", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        await using var next = new ServiceCollection().AddDurableParityGuard<string>(TempDatabase.Options(), o => o.DatabasePath = db.Path).BuildServiceProvider();
        Assert.Equal(6_000, next.GetRequiredService<ParityGuard<string>>().GetReport().Groups.Sum(g => g.Samples));
    }

    [Fact]
    public async Task StopSyncsTheReplicaBeforeTheLastSnapshot()
    {
        using var db = new TempDatabase();
        var order = new List<string>();
        using var guard = new ParityGuard<string>(TempDatabase.Options());
        var persistence = new GuardPersistence<string>(new RecordingStore(new SqliteGuardStateStore(db.Database), order), TempDatabase.Options());
        var service = new GuardStateService<string>(guard, persistence, new RecordingSync(order), new GuardStateServiceOptions { SnapshotInterval = TimeSpan.FromHours(1), SyncInterval = TimeSpan.FromHours(1) });
        await service.StartAsync(default);
        await service.StopAsync(default);
        Assert.Equal(["sync", "save"], order);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GuardStateService<string>(guard, persistence, null, new GuardStateServiceOptions { SyncInterval = TimeSpan.Zero }));
    }

    private sealed class RecordingSync(List<string> order) : IGuardSynchronizer
    {
        public Task<bool> SyncAsync(CancellationToken cancellationToken)
        {
            order.Add("sync");
            return Task.FromResult(true);
        }
    }

    private sealed class RecordingStore(IGuardStateStore inner, List<string> order) : IGuardStateStore
    {
        public Task SaveSnapshotAsync(string policy, ulong shapeHash, ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken)
        {
            order.Add("save");
            return inner.SaveSnapshotAsync(policy, shapeHash, snapshot, cancellationToken);
        }

        public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string policy, CancellationToken cancellationToken) => inner.LoadLatestSnapshotAsync(policy, cancellationToken);

        public Task QuarantineSnapshotAsync(StoredSnapshot snapshot, string reason, CancellationToken cancellationToken) => inner.QuarantineSnapshotAsync(snapshot, reason, cancellationToken);
    }
}
