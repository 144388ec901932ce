using FairnessGuard.Registry;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary><see cref="GuardRegistry.Scope"/>: tests (and flows) in parallel with different registries do not see each other's guards.</summary>
public sealed class ScopeTests
{
    [Fact]
    public async Task ParallelFlowsWithDifferentRegistriesDoNotSeeEachOthersGuards()
    {
        // Two flows call the same generated method in lock-step (a barrier every phase), each under its own registry.
        using var barrier = new Barrier(2);
        const int Phases = 100;
        Task<(GuardRegistry Registry, long Predictions)> Run(int perPhase) => Task.Run(() =>
        {
            using var scope = new RegistryScope();
            var scorer = new InstanceScorer();
            var random = new Random(perPhase);
            for (var phase = 0; phase < Phases; phase++)
            {
                barrier.SignalAndWait();
                for (var i = 0; i < perPhase; i++)
                {
                    scorer.Score(ParityCheck.Draw(random, (Race)(i % 2)));
                }

                Assert.Same(scope.Registry, GuardRegistry.Current);
            }

            return (scope.Registry, scope.Guard<Race>(InstanceScorer.ScoreKey).GetReport().Groups.Sum(g => g.Predictions));
        });

        var results = await Task.WhenAll(Run(3), Run(7));

        Assert.Equal(3 * Phases, results[0].Predictions);
        Assert.Equal(7 * Phases, results[1].Predictions);
        Assert.NotSame(results[0].Registry, results[1].Registry);
        Assert.NotSame(results[0].Registry, GuardRegistry.Current);
    }

    [Fact]
    public void ScopesNestAndRestoreTheOuterRegistry()
    {
        using var outer = new GuardRegistry();
        using var inner = new GuardRegistry();
        using (GuardRegistry.Scope(outer))
        {
            using (GuardRegistry.Scope(inner))
            {
                Assert.Same(inner, GuardRegistry.Current);
            }

            Assert.Same(outer, GuardRegistry.Current);
        }

        Assert.NotSame(outer, GuardRegistry.Current);
    }
}
