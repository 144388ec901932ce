using FairnessGuard.Guard;
using FairnessGuard.Storage.ReplicaHost;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FairnessGuard.Storage.Sqlite.Tests;

/// <summary>
/// kill -9 of a process mid-stream: no shutdown code runs. The restart must restore exactly the last
/// committed snapshot, and every violation the process saw committed must be in an intact audit log.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AKilledProcessRestartsFromTheLastSnapshotWithTheAuditLogIntact()
    {
        using var db = new TempDatabase();
        var committed = 0;
        using (var process = ReplicaProcess.Start("audit", db.Path, "crash", "3"))
        {
            Assert.Equal("restored ", await process.WaitForLineAsync("restored", Timeout));
            var snapshots = 0;
            while (snapshots < 5 || committed < 3)
            {
                var line = await process.ReadLineAsync(Timeout);
                snapshots += line == "snapshot" ? 1 : 0;
                committed = line.StartsWith("committed ", StringComparison.Ordinal) ? int.Parse(line[10..], System.Globalization.CultureInfo.InvariantCulture) : committed;
            }

            process.KillHard();
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal("ok", await db.ScalarAsync("PRAGMA integrity_check;"));
        var audit = new SqliteViolationAuditLog(db.Database);
        var violations = await audit.QueryAsync("crash", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.InRange(violations.Count, committed, int.MaxValue);
        Assert.All(violations, v => Assert.True(v.LowerBound > v.Tolerance));

        // What the last committed snapshot holds is what the restarted process restores.
        var stored = await new SqliteGuardStateStore(db.Database).LoadLatestSnapshotAsync("crash", default);
        using var expected = ParityGuard<string>.FromSnapshot(stored!.Bytes, ReplicaOptions.For("crash", 3));
        var counts = string.Join(",", expected.GetReport().Groups.Select(g => $"{g.Group}={g.Samples}"));
        Assert.True(expected.GetReport().Groups.Sum(g => g.Samples) > 10_000);
        using var restarted = ReplicaProcess.Start("audit", db.Path, "crash", "3");
        Assert.Equal("restored " + counts, await restarted.WaitForLineAsync("restored", Timeout));
        restarted.KillHard();
        output.WriteLine(
            $"kill -9 after {committed} committed audit rows: integrity_check ok, {violations.Count} violation rows kept, " +
            $"restart restored {expected.GetReport().Groups.Sum(g => g.Samples):N0} samples ({counts}) exactly as the last snapshot held them");
    }
}
