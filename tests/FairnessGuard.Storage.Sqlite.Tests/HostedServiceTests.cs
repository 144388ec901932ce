using FairnessGuard.Guard;
using FairnessGuard.Registry;
using FairnessGuard.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Storage.Sqlite.Tests;

/// <summary>The registry's hosted service with <c>UseSqlite</c>: hand-made guards restored, snapshotted periodically and on stop, violations audited.</summary>
public sealed class HostedServiceTests
{
    [Fact]
    public async Task TheServiceSnapshotsPeriodicallyAndOnShutdownAndTheNextStartRestores()
    {
        using var db = new TempDatabase();
        await using (var provider = Build(db.Path, TimeSpan.FromMilliseconds(50)))
        {
            var service = provider.GetServices<IHostedService>().Single();
            await service.StartAsync(default);
            var guard = provider.GetRequiredKeyedService<ParityGuard<string>>("loan");
            Assert.Same(guard, provider.GetRequiredService<GuardRegistry>().GetOrCreate<string>("loan"));
            TempDatabase.Feed(guard, 4_000, 9);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await db.ScalarAsync("SELECT count(*) FROM fg_snapshot;") is 0L && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM fg_snapshot;"));

            // Fed after the periodic snapshots: only the shutdown snapshot has all of them.
            TempDatabase.Feed(guard, 1_000, 10);
            await service.StopAsync(default);
        }

        await using var next = Build(db.Path, TimeSpan.FromHours(1));
        var restored = next.GetRequiredKeyedService<ParityGuard<string>>("loan");
        Assert.Equal(5_000, restored.GetReport().Groups.Sum(g => g.Samples));
    }

    [Fact]
    public async Task ViolationsOfEveryGuardGoToTheAuditLog()
    {
        using var db = new TempDatabase();
        await using (var provider = Build(db.Path, TimeSpan.FromHours(1), o => o.Mode = PolicyMode.Monitor))
        {
            var service = provider.GetServices<IHostedService>().Single();
            await service.StartAsync(default);
            TempDatabase.Feed(provider.GetRequiredKeyedService<ParityGuard<string>>("loan"), 6_000, 11);
            await service.StopAsync(default);
        }

        Assert.NotEmpty(await new SqliteViolationAuditLog(db.Database).QueryAsync("loan", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        await using var next = Build(db.Path, TimeSpan.FromHours(1));
        Assert.Equal(6_000, next.GetRequiredKeyedService<ParityGuard<string>>("loan").GetReport().Groups.Sum(g => g.Samples));
    }

    [Fact]
    public async Task StopSyncsTheReplicaBeforeTheLastSnapshot()
    {
        using var db = new TempDatabase();
        var order = new List<string>();
        var services = new ServiceCollection();
        services.AddFairnessGuard(o =>
        {
            o.ReplaceDefaultRegistry = false;
            o.StateStore = new RecordingStore(new SqliteGuardStateStore(db.Database), order);
            o.Replication = new RecordingReplication(order);
            o.SnapshotInterval = o.SyncInterval = TimeSpan.FromHours(1);
        }).AddGuard<string>("loan", Configure);
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetServices<IHostedService>().Single();
        await service.StartAsync(default);
        await service.StopAsync(default);

        Assert.Equal(["sync", "save"], order);
        Assert.Throws<ArgumentException>(() => new GuardRegistry(new FairnessGuardOptions { SyncInterval = TimeSpan.Zero }));
    }

    internal static void Configure(ParityGuardOptions o)
    {
        var reference = TempDatabase.Options();
        o.Seed = reference.Seed;
        o.TieJitter = reference.TieJitter;
        o.BackgroundRebuild = reference.BackgroundRebuild;
        o.RebuildInterval = reference.RebuildInterval;
        o.RebuildEvery = reference.RebuildEvery;
        o.SketchK = reference.SketchK;
    }

    private static ServiceProvider Build(string path, TimeSpan snapshotInterval, Action<ParityGuardOptions>? more = null)
    {
        var services = new ServiceCollection();
        services.AddFairnessGuard(o =>
            {
                o.ReplaceDefaultRegistry = false;
                o.SnapshotInterval = snapshotInterval;
            })
            .AddGuard<string>("loan", o =>
            {
                Configure(o);
                more?.Invoke(o);
            })
            .UseSqlite(path);
        return services.BuildServiceProvider();
    }

    private sealed class RecordingReplication(List<string> order) : IGuardReplication
    {
        public IGuardSynchronizer Create<TGroup>(ParityGuard<TGroup> guard, string key)
            where TGroup : notnull => new RecordingSync(order);
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
