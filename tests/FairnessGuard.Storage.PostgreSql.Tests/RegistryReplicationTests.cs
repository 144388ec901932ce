using FairnessGuard.Guard;
using FairnessGuard.Registry;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>
/// <c>AddFairnessGuard().UsePostgreSql(…)</c>: two replicas' registries share the state of a policy guard (the
/// path generated methods take) through PostgreSQL, keyed by the registry key, and end on the same map.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistryReplicationTests(PostgresCluster cluster)
{
    private static readonly GuardPolicy Policy = new("App.LoanModel.Score", 0, "Group");

    [Fact]
    public async Task TwoReplicaRegistriesShareAPolicyGuardThroughPostgreSql()
    {
        var connection = cluster.CreateDatabase("registry");
        await using var first = Replica(connection, "r1", 11);
        await using var second = Replica(connection, "r2", 22);
        var a = first.GetRequiredService<GuardRegistry>();
        var b = second.GetRequiredService<GuardRegistry>();
        Feed(a.GetOrCreate<string>(Policy), 3_000, 1);
        Feed(b.GetOrCreate<string>(Policy), 2_000, 2);

        Assert.Equal(1, await a.SyncAllAsync());
        Assert.Equal(1, await b.SyncAllAsync());
        Assert.Equal(1, await a.SyncAllAsync());

        Assert.Equal(5_000L, await GlobalSamplesAsync(connection, Policy.StateKey));
        foreach (var group in new[] { "A", "B" })
        {
            Assert.True(a.Find<string>(Policy.MethodKey)!.TryGetMap(group, out var knotsA, out var targetsA));
            Assert.True(b.Find<string>(Policy.MethodKey)!.TryGetMap(group, out var knotsB, out var targetsB));
            Assert.Equal(knotsA, knotsB);
            Assert.Equal(targetsA, targetsB);
        }
    }

    private static ServiceProvider Replica(string connection, string id, ulong seed)
    {
        var services = new ServiceCollection();
        services.AddFairnessGuard(o =>
            {
                o.ReplaceDefaultRegistry = false;
                o.ConfigurePolicy = (_, p) =>
                {
                    p.Seed = seed;
                    p.TieJitter = 0;
                    p.BackgroundRebuild = false;
                    p.RebuildInterval = null;
                    p.RebuildEvery = 2048;
                };
            })
            .UsePostgreSql(o =>
            {
                o.ConnectionString = connection;
                o.ReplicaId = id;
            });
        return services.BuildServiceProvider();
    }

    private static void Feed(ParityGuard<string> guard, int n, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            var group = random.NextDouble() < 0.4 ? "A" : "B";
            guard.Apply(random.NextDouble() + (group == "B" ? 0.5 : 0), group);
        }
    }

    private static async Task<long> GlobalSamplesAsync(string connection, string policy)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(samples), 0)::bigint FROM fg_global WHERE policy = @p;", c);
        command.Parameters.AddWithValue("p", policy);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
