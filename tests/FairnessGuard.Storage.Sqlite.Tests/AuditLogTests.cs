using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace FairnessGuard.Storage.Sqlite.Tests;

public sealed class AuditLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static ParityViolation Violation(string policy, DateTimeOffset at, double gap = 0.2) =>
        new(policy, "Model.Score", at, PolicyMode.Enforce, "A", "B", gap, gap - 0.05, 0.05, 0.95, 1_000, 2_000, 0.4);

    [Fact]
    public async Task EachViolationIsCommittedAndQueryableByPolicyAndTimeRange()
    {
        using var db = new TempDatabase();
        var log = new SqliteViolationAuditLog(db.Database);
        for (var i = 0; i < 10; i++)
        {
            await log.WriteAsync(Violation(i % 2 == 0 ? "loan" : "hire", T0.AddMinutes(i), 0.1 + (i / 100.0)), default);
        }

        var loans = await log.QueryAsync("loan", T0.AddMinutes(2), T0.AddMinutes(8));
        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(4), T0.AddMinutes(6)], loans.Select(v => v.Timestamp));
        Assert.Equal(Violation("loan", T0.AddMinutes(4), 0.14), loans[1]);
        Assert.Equal(10, (await log.QueryAsync(null, T0, T0.AddHours(1))).Count);

        // Committed: a second connection (another process would do the same) sees every row.
        var reopened = new SqliteViolationAuditLog(new SqliteGuardDatabase(db.Path));
        Assert.Equal(5, (await reopened.QueryAsync("hire", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Count);
    }

    [Fact]
    public async Task RetentionDeletesOnlyViolationsOlderThanItOnWriteAndOnPrune()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(T0);
        var log = new SqliteViolationAuditLog(db.Database, TimeSpan.FromDays(7), clock);
        await log.WriteAsync(Violation("loan", T0.AddDays(-10)), default);
        await log.WriteAsync(Violation("loan", T0.AddDays(-3)), default);
        Assert.Equal([T0.AddDays(-3)], (await log.QueryAsync("loan", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(v => v.Timestamp));

        clock.SetUtcNow(T0.AddDays(5));
        Assert.Equal(1, await log.PruneAsync());
        Assert.Empty(await log.QueryAsync("loan", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteViolationAuditLog(db.Database, TimeSpan.Zero));
    }

    [Fact]
    public async Task AGuardWritesItsViolationsToTheAuditLog()
    {
        using var db = new TempDatabase();
        var log = new SqliteViolationAuditLog(db.Database);
        var options = TempDatabase.Options();
        options.Mode = PolicyMode.Monitor;
        options.Sinks.Add(log);
        using (var guard = new ParityGuard<string>(options))
        {
            TempDatabase.Feed(guard, 10_000, 8);
            guard.RebuildNow();
        }

        var stored = Assert.Single(await log.QueryAsync("loan", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(PolicyMode.Monitor, stored.Mode);
        Assert.True(stored.LowerBound > stored.Tolerance);
    }
}
