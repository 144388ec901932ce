using FairnessGuard.Guard;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;

namespace FairnessGuard.Storage.Sqlite.Tests;

public sealed class SnapshotStoreTests
{
    [Fact]
    public async Task ARestoredGuardContinuesWithTheSavedCountsAndMap()
    {
        using var db = new TempDatabase();
        var store = new SqliteGuardStateStore(db.Database);
        using var guard = new ParityGuard<string>(TempDatabase.Options());
        TempDatabase.Feed(guard, 20_000, 1);
        Assert.True(await new GuardPersistence<string>(store, TempDatabase.Options()).SaveAsync(guard));

        var log = new FakeLogCollector();
        using var restored = await new GuardPersistence<string>(store, TempDatabase.Options(log: log.Factory())).RestoreAsync();
        guard.RebuildNow();
        var (before, after) = (guard.GetReport(), restored.GetReport());
        Assert.Equal(before.Groups.Select(g => (g.Group, g.Samples, g.Predictions)), after.Groups.Select(g => (g.Group, g.Samples, g.Predictions)));
        Assert.True(guard.TryGetMap("A", out var knots, out var targets));
        Assert.True(restored.TryGetMap("A", out var knots2, out var targets2));
        Assert.Equal(knots, knots2);
        Assert.Equal(targets, targets2);
        Assert.Equal(1, log.Count(1100));
    }

    [Fact]
    public async Task ASnapshotOfIncompatibleOptionsIsRefusedLoggedAndKept()
    {
        using var db = new TempDatabase();
        var store = new SqliteGuardStateStore(db.Database);
        using (var guard = new ParityGuard<string>(TempDatabase.Options()))
        {
            TempDatabase.Feed(guard, 5_000, 2);
            await new GuardPersistence<string>(store, TempDatabase.Options()).SaveAsync(guard);
        }

        var original = (byte[])(await db.ScalarAsync("SELECT bytes FROM fg_snapshot;"))!;
        var log = new FakeLogCollector();
        var persistence = new GuardPersistence<string>(store, TempDatabase.Options(sketchK: 500, log: log.Factory()));
        using var fresh = await persistence.RestoreAsync();

        Assert.Equal(0, fresh.GroupCount);
        var line = Assert.Single(log.OfId(1101));
        Assert.Contains("incompatible options", line.Message, StringComparison.Ordinal);
        Assert.Contains("kept untouched", line.Message, StringComparison.Ordinal);

        // The fresh guard's own snapshots go to a row of their own shape: the old row survives unchanged.
        TempDatabase.Feed(fresh, 1_000, 3);
        Assert.True(await persistence.SaveAsync(fresh));
        Assert.Equal(2L, await db.ScalarAsync("SELECT count(*) FROM fg_snapshot;"));
        Assert.Equal(original, (byte[])(await db.ScalarAsync($"SELECT bytes FROM fg_snapshot WHERE shape = {unchecked((long)TempDatabase.Options().StateShapeHash())};"))!);
    }

    [Fact]
    public async Task ACorruptedSnapshotIsQuarantinedWithAClearErrorAndNothingElseIsLost()
    {
        using var db = new TempDatabase();
        var store = new SqliteGuardStateStore(db.Database);
        var audit = new SqliteViolationAuditLog(db.Database);
        using (var guard = new ParityGuard<string>(TempDatabase.Options()))
        {
            TempDatabase.Feed(guard, 5_000, 4);
            await new GuardPersistence<string>(store, TempDatabase.Options()).SaveAsync(guard);
        }

        using (var other = new ParityGuard<string>(TempDatabase.Options("other")))
        {
            TempDatabase.Feed(other, 3_000, 5);
            await new GuardPersistence<string>(store, TempDatabase.Options("other")).SaveAsync(other);
        }

        await audit.WriteAsync(AuditLogTests.Violation("loan", DateTimeOffset.UtcNow), default);
        var original = (byte[])(await db.ScalarAsync("SELECT bytes FROM fg_snapshot WHERE policy = 'loan';"))!;
        var corrupted = (byte[])original.Clone();
        corrupted[100] ^= 0x5A;
        await db.SetSnapshotBytesAsync("loan", corrupted);

        var log = new FakeLogCollector();
        using var fresh = await new GuardPersistence<string>(store, TempDatabase.Options(log: log.Factory())).RestoreAsync();

        Assert.Equal(0, fresh.GroupCount);
        var line = Assert.Single(log.OfId(1102));
        Assert.Contains("checksum", line.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("quarantine", line.Message, StringComparison.Ordinal);
        var quarantined = Assert.Single(await store.GetQuarantinedAsync("loan"));
        Assert.NotEqual(original, quarantined.Bytes);
        Assert.Equal(original.Length, quarantined.Bytes.Length);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM fg_snapshot WHERE policy = 'loan';"));

        // Nothing else lost: the other policy restores, the audit log keeps its row.
        using var other2 = await new GuardPersistence<string>(store, TempDatabase.Options("other")).RestoreAsync();
        Assert.Equal(3_000, other2.GetReport().Groups.Sum(g => g.Samples));
        Assert.Single(await audit.QueryAsync("loan", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task AnUnreachableStoreIsLoggedAndTheGuardStartsFresh()
    {
        var log = new FakeLogCollector();
        var store = new SqliteGuardStateStore(new SqliteGuardDatabase("/nonexistent-dir/fg/guard.db"));
        var persistence = new GuardPersistence<string>(store, TempDatabase.Options(log: log.Factory()));
        using var guard = await persistence.RestoreAsync();
        TempDatabase.Feed(guard, 1_000, 6);
        Assert.False(await persistence.SaveAsync(guard));
        Assert.Equal(2, log.Count(1104));
        Assert.Equal(1_000, guard.GetReport().Groups.Sum(g => g.Samples));
    }

    [Fact]
    public async Task TheDatabaseIsInWalMode()
    {
        using var db = new TempDatabase();
        Assert.Equal("wal", await db.ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal(2L, await db.ScalarAsync("PRAGMA synchronous;"));
    }
}
