using System.Net.Sockets;
using System.Net;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>Issue 12 items 3 and 7: a hostile label never stops replication; the outage buffer is bounded in bytes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RobustReplicationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task LabelsWithNulOrALoneSurrogateAreEscapedLoggedAndEveryGroupReplicates()
    {
        var connection = cluster.CreateDatabase("labels");
        var log = new FakeLogCollector();
        using var replica = new Replica(connection, "r1", 31, log);
        replica.Feed(2_000);
        replica.Feed(300, only: "nul\0label");
        replica.Feed(300, only: "lone\uD800surrogate");
        await replica.SyncUntilConnectedAsync();

        var counts = await Replica.GlobalCountsAsync(connection);
        Assert.Equal(replica.Fed["A"], counts["A"]);
        Assert.Equal(replica.Fed["B"], counts["B"]);
        Assert.Equal(300, counts[@"nul\u0000label"]);
        Assert.Equal(300, counts[@"lone\uD800surrogate"]);

        // Each escaped label is named exactly as it is stored.
        var escaped = log.OfId(1114).Select(e => e.Message).ToList();
        Assert.Contains(escaped, m => m.Contains(@"nul\u0000label", StringComparison.Ordinal));
        Assert.Contains(escaped, m => m.Contains(@"lone\uD800surrogate", StringComparison.Ordinal));
        Assert.Equal(0, log.Count(1110));

        // The replica stays connected on later syncs.
        replica.Feed(100, only: "nul\0label");
        Assert.True(await replica.Replicator.SyncAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheOutageBufferIsBoundedInBytesOldestDroppedCountedAndLogged()
    {
        var log = new FakeLogCollector();
        const long cap = 200_000;
        using var replica = new Replica($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=1", "bytes", 9, log, maxBufferedBytes: cap);
        for (var i = 0; i < 12; i++)
        {
            // Many groups per delta make each delta large (two sketches per group).
            for (var g = 0; g < 20; g++)
            {
                replica.Feed(50, only: $"g{g}");
            }

            Assert.False(await replica.Replicator.SyncAsync(CancellationToken.None));
            Assert.True(replica.Replicator.BufferedBytes <= cap || replica.Replicator.BufferedDeltas == 1, $"{replica.Replicator.BufferedBytes} bytes buffered");
        }

        Assert.True(replica.Replicator.DroppedDeltas > 0);
        Assert.True(log.Count(1115) >= 1);
        Assert.Equal(12_000, replica.Guard.GetReport().Groups.Sum(g => g.Samples));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
