using FairnessGuard.Guard;
using FairnessGuard.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>A configuration reload rebuilds the affected guards; generated methods move to the new ones.</summary>
public sealed class ReloadTests
{
    [Fact]
    public void ReloadRebuildsTheChangedGuardCarryingStateWhenTheShapeAllowsIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"FairnessGuard:Policies:{InstanceScorer.ScoreKey}:Strength"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFairnessGuard(o =>
        {
            o.ReplaceDefaultRegistry = false;
            o.ConfigurePolicy = (_, p) => p.BackgroundRebuild = false;
        });
        using var provider = services.BuildServiceProvider();
        var registry = provider.UseFairnessGuard();
        using var scope = GuardRegistry.Scope(registry);
        var scorer = new InstanceScorer();
        var sex = Score(scorer, 1_000, seed: 3);
        StaticScorers.ScoreTwice(new Applicant(0.5, Race.A, "F"));
        var twice = registry.Find<Race>(StaticScorers.ScoreTwiceKey)!;
        var first = registry.Find<Race>(InstanceScorer.ScoreKey)!;

        // Strength does not change the state's shape: the guard is rebuilt with its samples.
        configuration[$"FairnessGuard:Policies:{InstanceScorer.ScoreKey}:Strength"] = "0.5";
        configuration.Reload();
        Score(scorer, 1, seed: 4);

        var second = registry.Find<Race>(InstanceScorer.ScoreKey)!;
        Assert.NotSame(first, second);
        Assert.Equal(0.5, second.Options.Strength);
        Assert.Equal(sex + 1, Samples(second));
        Assert.Same(twice, registry.Find<Race>(StaticScorers.ScoreTwiceKey));

        // SketchK changes the shape: a fresh guard.
        configuration[$"FairnessGuard:Policies:{InstanceScorer.ScoreKey}:SketchK"] = "256";
        configuration.Reload();
        Score(scorer, 1, seed: 5);

        var third = registry.Find<Race>(InstanceScorer.ScoreKey)!;
        Assert.NotSame(second, third);
        Assert.Equal(256, third.Options.SketchK);
        Assert.Equal(1, Samples(third));
    }

    [Fact]
    public void AnInvalidReloadKeepsTheGuards()
    {
        using var registry = new GuardRegistry();
        var guard = registry.GetOrCreate<Race>(new GuardPolicy(InstanceScorer.ScoreKey, 0, "Race"));
        var bad = new FairnessGuardOptions();
        bad.Policies[InstanceScorer.ScoreKey] = new PolicyOverrides { Strength = 2 };

        Assert.Throws<ArgumentException>(() => registry.Reload(bad));
        Assert.Same(guard, registry.Find<Race>(InstanceScorer.ScoreKey));
        Assert.Equal(0, registry.Reload(new FairnessGuardOptions()));
    }

    private static long Score(InstanceScorer scorer, int n, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            scorer.Score(ParityCheck.Draw(random, (Race)(i % 2)));
        }

        return n;
    }

    private static long Samples(ParityGuard<Race> guard) => guard.GetReport().Groups.Sum(g => (long)g.Samples);
}
