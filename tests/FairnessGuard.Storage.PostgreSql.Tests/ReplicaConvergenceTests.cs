using System.Text.Json;
using FairnessGuard.Guard;
using FairnessGuard.Storage.ReplicaHost;
using Xunit.Abstractions;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>
/// Three replica processes with different group mixes share one policy through PostgreSQL. After a sync in
/// which all of them pushed before any pulled, their maps are identical, and the shared state is the union
/// of their streams: exact counts, and parity as good as one process fed the union, within the guard's
/// documented error budget (rank errors, knot resolution, DKW on a held-out sample). Byte equality with a
/// single process is impossible: its sketch compacts with other coin flips in another order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaConvergenceTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int SamplesPerReplica = 20_000;
    private const int SyncEvery = 3_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    // Replica r3 never sees group C: it must still correct toward the barycenter that includes C.
    private static readonly (string Id, string Mix, int Seed)[] Replicas = [("r1", "0.6,0.3,0.1", 11), ("r2", "0.2,0.2,0.6", 22), ("r3", "0.3,0.7,0", 33)];

    [Fact]
    public async Task ThreeReplicaProcessesConvergeToOneMapThatMatchesTheUnion()
    {
        var connection = cluster.CreateDatabase("converge");
        var processes = Replicas.Select(r => ReplicaProcess.Start("replica", connection, r.Id, "loan", r.Mix, $"{SamplesPerReplica}", $"{r.Seed}", $"{SyncEvery}")).ToList();
        try
        {
            foreach (var p in processes)
            {
                await p.WaitForLineAsync("pushed", Timeout);
            }

            var results = new List<ReplicaResult>();
            foreach (var p in processes)
            {
                p.SendLine("pull");
                results.Add(JsonSerializer.Deserialize<ReplicaResult>(await p.ReadLineAsync(Timeout))!);
                Assert.Equal(0, await p.WaitForExitAsync(Timeout));
            }

            AssertSameMaps(results);
            AssertEqualsUnion(results[0]);
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    private void AssertSameMaps(List<ReplicaResult> results)
    {
        foreach (var (group, _, _) in ReplicaStream.Groups)
        {
            var maps = results.Select(r => r.Groups.Single(g => g.Group == group)).ToList();
            var delta = 0.0;
            foreach (var m in maps.Skip(1))
            {
                Assert.Equal(maps[0].Samples, m.Samples);
                Assert.Equal(maps[0].Knots.Length, m.Knots.Length);
                Assert.Equal(512, m.Knots.Length);
                for (var k = 0; k < m.Knots.Length; k++)
                {
                    delta = Math.Max(delta, Math.Max(Math.Abs(m.Knots[k] - maps[0].Knots[k]), Math.Abs(m.Targets[k] - maps[0].Targets[k])));
                }
            }

            output.WriteLine($"group {group}: {maps[0].Samples} shared samples, max |Δ| between replicas' maps {delta:E2}");
            Assert.True(delta <= 1e-9, $"group {group}: replicas' maps differ by {delta}");
        }
    }

    private void AssertEqualsUnion(ReplicaResult shared)
    {
        // The union, interleaved round-robin, into one process with the same options.
        var streams = Replicas.Select(r => ReplicaStream.Generate(r.Seed, ReplicaStream.ParseMix(r.Mix), SamplesPerReplica).ToList()).ToList();
        using var single = new ParityGuard<string>(ReplicaOptions.For("loan", 99));
        for (var i = 0; i < SamplesPerReplica; i++)
        {
            foreach (var s in streams)
            {
                single.Apply(s[i].Output, s[i].Group);
            }
        }

        single.RebuildNow();
        var counts = streams.SelectMany(s => s).GroupBy(p => p.Group).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var g in shared.Groups)
        {
            Assert.Equal(counts[g.Group], g.Samples);
        }

        // Parity of both maps on a held-out sample of every group (the same for both).
        var random = new Random(2024);
        const int heldOut = 20_000;
        var fresh = ReplicaStream.Groups.ToDictionary(g => g.Group, g => Enumerable.Range(0, heldOut).Select(_ => g.Mean + (g.Sd * Normal(random))).ToArray());
        var sharedKs = KsUnfairness(fresh, g => shared.Groups.Single(m => m.Group == g) is var m ? (m.Knots, m.Targets) : default);
        var singleKs = KsUnfairness(fresh, g => single.TryGetMap(g, out var k, out var t) ? (k, t) : throw new InvalidOperationException(g));

        // Budget per pair: two DKW bands (δ = 10⁻³ over 3 groups), the two sketches' a-posteriori rank errors
        // (99.9 %), and the knot resolution 1/(K−1) per group.
        var rankErrors = shared.Groups.Select(g => g.RankError).OrderDescending().Take(2).Sum();
        var budget = (2 * Math.Sqrt(Math.Log(2 / (1e-3 / 3)) / (2.0 * heldOut))) + rankErrors + (2.0 / 511);
        output.WriteLine($"held-out KS unfairness: shared map {sharedKs:0.0000}, single process {singleKs:0.0000}, budget {budget:0.0000}; raw KS {shared.RawKs:0.0000}");
        Assert.True(shared.RawKs > 3 * budget, "the groups must differ before correction, or the test shows nothing");
        Assert.InRange(sharedKs, 0, budget);
        Assert.InRange(singleKs, 0, budget);
        Assert.InRange(Math.Abs(sharedKs - singleKs), 0, budget);
    }

    private static double KsUnfairness(Dictionary<string, double[]> fresh, Func<string, (double[] Knots, double[] Targets)> mapOf)
    {
        var corrected = fresh.ToDictionary(p => p.Key, p => { var (x, t) = mapOf(p.Key); return p.Value.Select(y => Map(x, t, y)).Order().ToArray(); });
        var worst = 0.0;
        foreach (var a in corrected.Values)
        {
            foreach (var b in corrected.Values)
            {
                worst = Math.Max(worst, Ks(a, b));
            }
        }

        return worst;
    }

    // The map between knots is linear, flat beyond the ends (as the guard's map).
    private static double Map(double[] x, double[] t, double y)
    {
        if (y <= x[0])
        {
            return t[0];
        }

        if (y >= x[^1])
        {
            return t[^1];
        }

        var k = Array.BinarySearch(x, y);
        k = k >= 0 ? k : ~k - 1;
        var span = x[k + 1] - x[k];
        return span <= 0 ? t[k] : t[k] + ((t[k + 1] - t[k]) * (y - x[k]) / span);
    }

    private static double Ks(double[] a, double[] b)
    {
        int i = 0, j = 0;
        var worst = 0.0;
        while (i < a.Length && j < b.Length)
        {
            var v = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= v)
            {
                i++;
            }

            while (j < b.Length && b[j] <= v)
            {
                j++;
            }

            worst = Math.Max(worst, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return worst;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
