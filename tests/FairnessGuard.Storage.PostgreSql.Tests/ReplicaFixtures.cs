using FairnessGuard.Guard;
using FairnessGuard.Storage.ReplicaHost;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>In-process replicas for the fault tests: a guard, its replicator and what it was fed.</summary>
public sealed class Replica : IDisposable
{
    public Replica(string connection, string id, int seed, FakeLogCollector? log = null, int maxBuffered = 720, int sketchK = 1000, long maxBufferedBytes = 64L * 1024 * 1024)
    {
        var options = ReplicaOptions.For("policy", (ulong)seed);
        options.SketchK = sketchK;
        options.LoggerFactory = (log ?? new FakeLogCollector()).Factory();
        Guard = new ParityGuard<string>(options);
        Replicator = new PostgreSqlGuardReplicator<string>(Guard, new PostgreSqlReplicationOptions { ConnectionString = connection, ReplicaId = id, MaxBufferedDeltas = maxBuffered, MaxBufferedBytes = maxBufferedBytes });
        Random = new Random(seed);
    }

    public ParityGuard<string> Guard { get; }

    public PostgreSqlGuardReplicator<string> Replicator { get; }

    public Random Random { get; }

    public Dictionary<string, long> Fed { get; } = [];

    /// <summary>Feeds n outputs of groups A and B (B shifted), checking every answer is a finite number.</summary>
    public void Feed(int n, string? only = null)
    {
        for (var i = 0; i < n; i++)
        {
            var group = only ?? (Random.NextDouble() < 0.4 ? "A" : "B");
            var y = Random.NextDouble() + (group == "B" ? 0.5 : 0);
            var returned = Guard.Apply(y, group);
            Assert.True(double.IsFinite(returned));
            Fed[group] = Fed.GetValueOrDefault(group) + 1;
        }
    }

    public async Task SyncUntilConnectedAsync()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await Replicator.SyncAsync(CancellationToken.None))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("the replica never reached the database");
    }

    public void Dispose()
    {
        Replicator.Dispose();
        Guard.Dispose();
    }

    /// <summary>The global (folded) sample count of every group of the test policy.</summary>
    public static async Task<Dictionary<string, long>> GlobalCountsAsync(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT label, samples FROM fg_global WHERE policy = 'policy';", c);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
