using FairnessGuard.Guard;
using FairnessGuard.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>
/// Proof by restart: a generated method's guard, in a generic host with <c>AddFairnessGuard().UseSqlite(file)</c>,
/// is snapshotted when the host stops and restored by a new host on the same file.
/// </summary>
public sealed class DurableHostTests
{
    [Fact]
    public async Task AGeneratedMethodsGuardSurvivesAHostRestart()
    {
        var directory = Directory.CreateTempSubdirectory("fg-host-").FullName;
        var path = Path.Combine(directory, "guards.db");
        var probe = new Applicant(0.8, Race.B, "F");
        var scorer = new InstanceScorer();
        try
        {
            long samples;
            double expected;
            using (var host = await StartAsync(path))
            {
                var registry = host.Services.GetRequiredService<GuardRegistry>();
                using (GuardRegistry.Scope(registry))
                {
                    var random = new Random(21);
                    for (var i = 0; i < 4_000; i++)
                    {
                        scorer.Score(ParityCheck.Draw(random, (Race)(i % 2)));
                    }

                    var guard = registry.Find<Race>(InstanceScorer.ScoreKey)!;
                    guard.RebuildNow();
                    Assert.True(guard.IsCorrecting);
                    samples = guard.GetReport().Groups.Sum(g => g.Samples);

                    // What a guard holding exactly this state returns for the probe (the stop snapshot holds the same state).
                    using var reference = ParityGuard<Race>.FromSnapshot(guard.CreateSnapshot(), guard.Options);
                    reference.RebuildNow();
                    expected = reference.Apply(probe.Income, probe.Race);
                }

                await host.StopAsync();
            }

            using (var next = await StartAsync(path))
            {
                var registry = next.Services.GetRequiredService<GuardRegistry>();
                using (GuardRegistry.Scope(registry))
                {
                    // The generated method's slot resolves this same guard (same method key, policy index, group type).
                    var restored = registry.GetOrCreate<Race>(new GuardPolicy(InstanceScorer.ScoreKey, 0, nameof(Applicant.Race)));
                    Assert.Equal(samples, restored.GetReport().Groups.Sum(g => g.Samples));
                    restored.RebuildNow();

                    var returned = scorer.Score(probe);

                    Assert.Same(restored, registry.Find<Race>(InstanceScorer.ScoreKey));
                    Assert.Equal(expected, returned);
                    Assert.NotEqual(probe.Income, returned);
                    Assert.True(registry.Guards.Single().IsDurable);
                }

                await next.StopAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IHost> StartAsync(string path)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddFairnessGuard(o =>
            {
                o.ReplaceDefaultRegistry = false;
                o.ConfigurePolicy = (_, p) =>
                {
                    p.BackgroundRebuild = false;
                    p.RebuildEvery = int.MaxValue;
                    p.RebuildInterval = null;

                    // The tie jitter draws from the calling thread's stripe: without it the probe's output is a pure
                    // function of the restored state, whichever thread the test runs on.
                    p.TieJitter = 0;
                };
            })
            .UseSqlite(path);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
