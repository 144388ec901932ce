using System.Globalization;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using FairnessGuard.Storage.Sqlite;

namespace FairnessGuard.Storage.ReplicaHost;

/// <summary>
/// A single durable guard that runs until it is killed: restores from SQLite (prints "restored" and the
/// per-group samples), then feeds two very different groups in monitor mode, so violations are raised and
/// audited (prints "committed N" once the row is durable), and saves a snapshot every 100 ms (prints
/// "snapshot").
/// </summary>
internal static class AuditMode
{
    public static async Task<int> RunAsync(string path, string policy, int seed)
    {
        var database = new SqliteGuardDatabase(path);
        var audit = new SqliteViolationAuditLog(database);
        var options = ReplicaOptions.For(policy, (ulong)seed);
        options.Mode = PolicyMode.Monitor;
        options.ViolationInterval = TimeSpan.Zero;
        options.Tolerance = 0.05;
        options.Sinks.Add(new ReportingSink(audit));
        var persistence = new GuardPersistence<string>(new SqliteGuardStateStore(database), options);
        using var guard = await persistence.RestoreAsync();
        Console.WriteLine("restored " + string.Join(",", guard.GetReport().Groups.Select(g => $"{g.Group}={g.Samples.ToString(CultureInfo.InvariantCulture)}")));
        var random = new Random(seed);
        var lastSnapshot = DateTime.UtcNow;
        while (true)
        {
            for (var i = 0; i < 2048; i++)
            {
                var a = random.NextDouble() < 0.5;
                guard.Apply(a ? random.NextDouble() : 0.5 + random.NextDouble(), a ? "A" : "B");
            }

            if (DateTime.UtcNow - lastSnapshot > TimeSpan.FromMilliseconds(100))
            {
                if (await persistence.SaveAsync(guard))
                {
                    Console.WriteLine("snapshot");
                }

                lastSnapshot = DateTime.UtcNow;
            }

            await Task.Delay(5);
        }
    }

    private sealed class ReportingSink(SqliteViolationAuditLog inner) : IViolationSink
    {
        private int _committed;

        public async ValueTask WriteAsync(ParityViolation violation, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(violation, cancellationToken);
            Console.WriteLine("committed " + Interlocked.Increment(ref _committed).ToString(CultureInfo.InvariantCulture));
        }
    }
}
