using FairnessGuard.Guard;
using FairnessGuard.Storage.ReplicaHost;
using Npgsql;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>
/// The delta protocol itself: duplicated pushes, retried pushes after a fold, and any interleaving of
/// replicas' pushes and folds give the same global counts exactly and the same distribution within the
/// sketches' error (the bytes differ: compaction coins fall differently in another grouping).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeltaProtocolTests(PostgresCluster cluster)
{
    [Fact]
    public async Task DuplicatedAndInterleavedDeltasAreFoldedExactlyOnce()
    {
        var options = ReplicaOptions.For("policy", 1);
        var (r1, r2) = (Deltas(11), Deltas(22));

        // Scenario 1: each replica pushes everything once, one fold.
        var first = await StoreAsync("order1", options);
        await first.PushAsync("r1", r1, default);
        await first.PushAsync("r2", r2, default);
        await first.FoldAsync(4, default);

        // Scenario 2: other order, folds in between, the same delta pushed twice, a retry after it was folded.
        var second = await StoreAsync("order2", options);
        await second.PushAsync("r2", r2[..1], default);
        await second.FoldAsync(4, default);
        await second.PushAsync("r1", r1[..1], default);
        await second.PushAsync("r1", r1[..1], default);
        await second.FoldAsync(4, default);
        await second.PushAsync("r1", r1, default);
        await second.PushAsync("r2", r2, default);
        await second.FoldAsync(4, default);
        await second.FoldAsync(4, default);

        var a = await first.PullAsync("r1", default);
        var b = await second.PullAsync("r1", default);
        Assert.Equal(2, a.FoldedSequence);
        Assert.Equal(2, b.FoldedSequence);
        var fed = r1.Concat(r2).SelectMany(d => d.Groups).GroupBy(g => g.Label).ToDictionary(g => g.Key, g => g.Sum(x => x.Samples));
        foreach (var g in a.Groups)
        {
            var h = b.Groups.Single(x => x.Label == g.Label);
            Assert.Equal(fed[g.Label], g.Samples);
            Assert.Equal(fed[g.Label], h.Samples);
            Assert.Equal(g.Raw.Count, h.Raw.Count);

            // Same distribution: ranks agree within both sketches' bounds at every retained value (99.9 % each).
            var bound = g.Raw.GetRankErrorBound(1 - (1e-3 / g.Raw.RetainedItems)) + h.Raw.GetRankErrorBound(1 - (1e-3 / h.Raw.RetainedItems));
            foreach (var v in g.Raw.GetSortedView().Values)
            {
                Assert.InRange(Math.Abs(g.Raw.GetRank(v) - h.Raw.GetRank(v)), 0, bound);
            }
        }
    }

    // Two deltas of one replica: samples of groups A and B (B shifted).
    private static PendingDelta[] Deltas(int seed)
    {
        using var guard = new ParityGuard<string>(ReplicaOptions.For("policy", (ulong)seed));
        var random = new Random(seed);
        var deltas = new List<PendingDelta>();
        for (var d = 1; d <= 2; d++)
        {
            for (var i = 0; i < 5_000; i++)
            {
                var b = random.NextDouble() < 0.5;
                guard.Apply(random.NextDouble() + (b ? 0.3 : 0), b ? "B" : "A");
            }

            deltas.Add(new PendingDelta(d, guard.TakeDeltas((ulong)seed)));
        }

        return [.. deltas];
    }

    private async Task<PostgreSqlDeltaStore> StoreAsync(string database, ParityGuardOptions options)
    {
        var store = new PostgreSqlDeltaStore(NpgsqlDataSource.Create(cluster.CreateDatabase(database)), options);
        await store.EnsureAsync(default);
        return store;
    }
}
