using System.Net.Sockets;
using System.Net;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>Connection loss, a bounded buffer, corrupted shared rows and incompatible replicas, on a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicationFaultTests(PostgresCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task ReplicasKeepAnsweringWhilePostgresIsDownAndTheGlobalCountsAreCompleteAfterItReturns()
    {
        var connection = cluster.CreateDatabase("outage");
        var replicas = Enumerable.Range(1, 3).Select(i => new Replica(connection, $"r{i}", 100 + i)).ToList();
        try
        {
            foreach (var r in replicas)
            {
                r.Feed(3_000);
                await r.SyncUntilConnectedAsync();
            }

            cluster.Stop();
            try
            {
                for (var round = 0; round < 3; round++)
                {
                    foreach (var r in replicas)
                    {
                        r.Feed(2_000);
                        Assert.False(await r.Replicator.SyncAsync(CancellationToken.None));
                        Assert.True(r.Guard.IsCorrecting);
                    }
                }
            }
            finally
            {
                cluster.Start();
            }

            foreach (var r in replicas)
            {
                Assert.False(r.Replicator.IsConnected);
                Assert.Equal(3, r.Replicator.BufferedDeltas);
            }

            // Back: every replica pushes its buffer, then every replica pulls everything.
            foreach (var r in replicas)
            {
                await r.SyncUntilConnectedAsync();
            }

            foreach (var r in replicas)
            {
                await r.SyncUntilConnectedAsync();
                Assert.Equal(0, r.Replicator.BufferedDeltas);
                Assert.Equal(0, r.Replicator.DroppedDeltas);
            }

            var expected = replicas.SelectMany(r => r.Fed).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            Assert.Equal(expected, await Replica.GlobalCountsAsync(connection));
            foreach (var r in replicas)
            {
                Assert.Equal(expected, r.Guard.GetReport().Groups.ToDictionary(g => g.Group, g => g.Samples));
            }

            output.WriteLine(
                $"outage: 3 replicas × 3 rounds × 2,000 calls answered with PostgreSQL stopped (the guards kept correcting), 3 deltas buffered per replica; " +
                $"after the restart global counts = every replica's counts = {expected.Values.Sum():N0} fed samples, 0 dropped");
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task AReplicaRestartedUnderItsIdContinuesItsSequenceAndNothingIsCountedTwice()
    {
        var connection = cluster.CreateDatabase("restart");
        long pushedBeforeCrash;
        using (var crashed = new Replica(connection, "r1", 1))
        {
            crashed.Feed(2_000);
            await crashed.SyncUntilConnectedAsync();
            crashed.Feed(1_500);
            await crashed.SyncUntilConnectedAsync();
            pushedBeforeCrash = crashed.Fed.Values.Sum();

            // Samples fed after the last sync die with the process: no final sync.
            crashed.Feed(700);
        }

        using var restarted = new Replica(connection, "r1", 2);
        await restarted.SyncUntilConnectedAsync();
        Assert.Equal(pushedBeforeCrash, restarted.Guard.GetReport().Groups.Sum(g => g.Samples));
        restarted.Feed(900);
        await restarted.SyncUntilConnectedAsync();
        Assert.Equal(pushedBeforeCrash + 900, (await Replica.GlobalCountsAsync(connection)).Values.Sum());

        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var watermark = new NpgsqlCommand("SELECT folded_seq FROM fg_watermark WHERE replica = 'r1';", c);
        Assert.Equal(3L, await watermark.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AFullBufferDropsTheOldestDeltasCountsAndLogsThem()
    {
        var log = new FakeLogCollector();
        using var replica = new Replica($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=1", "lonely", 7, log, maxBuffered: 3);
        for (var i = 0; i < 6; i++)
        {
            replica.Feed(500);
            Assert.False(await replica.Replicator.SyncAsync(CancellationToken.None));
        }

        Assert.Equal(3, replica.Replicator.BufferedDeltas);
        Assert.Equal(3, replica.Replicator.DroppedDeltas);
        Assert.Equal(1, log.Count(1110));
        // Logged on the 1st, 2nd, 4th … drop, so a long outage cannot flood the log.
        Assert.Equal(["1 deltas dropped", "2 deltas dropped"], log.OfId(1112).Select(e => e.Message.Split("; ")[1][..16]));

        // The replica still serves from everything it saw locally.
        Assert.Equal(3_000, replica.Guard.GetReport().Groups.Sum(g => g.Samples));
    }

    [Fact]
    public async Task ACorruptedSharedRowIsQuarantinedAndNothingElseIsLost()
    {
        var connection = cluster.CreateDatabase("corrupt");
        var log = new FakeLogCollector();
        using var replica = new Replica(connection, "r1", 5, log);
        replica.Feed(4_000);
        await replica.SyncUntilConnectedAsync();
        var before = await Replica.GlobalCountsAsync(connection);

        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            await using var corrupt = new NpgsqlCommand("UPDATE fg_global SET raw = overlay(raw placing '\\xdeadbeef'::bytea from 30 for 4) WHERE label = 'A';", c);
            Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        }

        replica.Feed(1_000, only: "A");
        await replica.SyncUntilConnectedAsync();
        var after = await Replica.GlobalCountsAsync(connection);

        Assert.Equal(before["B"], after["B"]);
        Assert.Equal(1_000, after["A"]);
        Assert.Equal(1, replica.Replicator.QuarantinedRows);
        Assert.NotEmpty(log.OfId(1113));
        await using var q = new NpgsqlConnection(connection);
        await q.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT source, reason FROM fg_quarantine;", q);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("global", reader.GetString(0));
        Assert.Contains("checksum", reader.GetString(1), StringComparison.OrdinalIgnoreCase);
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task AReplicaWithOptionsOfAnotherShapeIsRefusedAndChangesNothing()
    {
        var connection = cluster.CreateDatabase("shape");
        using var first = new Replica(connection, "r1", 1);
        first.Feed(1_000);
        await first.SyncUntilConnectedAsync();
        var before = await Replica.GlobalCountsAsync(connection);

        var log = new FakeLogCollector();
        using var other = new Replica(connection, "r2", 2, log, sketchK: 500);
        other.Feed(1_000);
        Assert.False(await other.Replicator.SyncAsync(CancellationToken.None));
        Assert.Contains(log.OfId(1110), e => e.Exception is { } ex && ex.Message.Contains("another shape", StringComparison.Ordinal));
        Assert.Equal(before, await Replica.GlobalCountsAsync(connection));
    }

    [Fact]
    public async Task ConcurrentReplicasCreateTheSchemaOnceAndFoldEverySampleOnce()
    {
        var connection = cluster.CreateDatabase("schema");
        var replicas = Enumerable.Range(1, 4).Select(i => new Replica(connection, $"r{i}", i)).ToList();
        try
        {
            replicas.ForEach(r => r.Feed(300));
            var synced = await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Replicator.SyncAsync(CancellationToken.None))));
            Assert.All(synced, Assert.True);

            // The concurrent folds raced on fg_policy.version; whoever lost retried: every sample is in exactly once.
            var expected = replicas.SelectMany(r => r.Fed).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            Assert.Equal(expected, await Replica.GlobalCountsAsync(connection));
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*), max(version) FROM fg_schema_version;", c);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(1, reader.GetInt64(0));
            Assert.Equal(PostgreSqlGuardSchema.Version, reader.GetInt32(1));
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
