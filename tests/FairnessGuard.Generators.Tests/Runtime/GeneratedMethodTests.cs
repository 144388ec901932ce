using FairnessGuard.Guard;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>
/// Partial methods implemented by this project's own build (the generator is referenced as an analyzer)
/// really correct their outputs to parity.
/// </summary>
public sealed class GeneratedMethodTests
{
    [Fact]
    public Task InstanceMethodReturnsParityCorrectedScores()
    {
        var scorer = new InstanceScorer();
        return AssertCorrectsAsync(a => new ValueTask<double>(scorer.Score(a)), InstanceScorer.ScoreKey, seed: 11);
    }

    [Fact]
    public Task TypeLevelPolicyGuardsThePublicPartialMethod()
    {
        var scorer = new TypeLevelScorer();
        return AssertCorrectsAsync(a => new ValueTask<double>(scorer.Score(a)), TypeLevelScorer.ScoreKey, seed: 14);
    }

    [Fact]
    public Task StaticTaskMethodReturnsParityCorrectedScores() =>
        AssertCorrectsAsync(a => new ValueTask<double>(StaticScorers.ScoreAsync(a)), StaticScorers.ScoreAsyncKey, seed: 12);

    [Fact]
    public Task ValueTaskOfFloatMethodReadsTheSensitiveParameter() =>
        AssertCorrectsAsync(async a => await StaticScorers.ScoreFloatAsync(a.Income, a.Race), StaticScorers.ScoreFloatAsyncKey, seed: 13);

    [Fact]
    public void TwoPoliciesAreAppliedInDeclarationOrder()
    {
        // Maps rebuilt inline every 512 samples, so both guards change outputs during the run. Sex does not move
        // the scores, so with the default do-no-harm rule the Sex guard would rightly never correct; it is turned
        // off here because this test is about the order in which two correcting guards run.
        using var scope = new RegistryScope(o =>
        {
            o.RebuildEvery = 512;
            o.NoHarmWhenFair = false;
        });
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 6000).Select(i => ParityCheck.Draw(random, (Race)(i % 2))).ToArray();
        var returned = inputs.Select(StaticScorers.ScoreTwice).ToArray();

        var registered = scope.Registry.Guards.OrderBy(g => g.Policy!.Index).ToArray();
        Assert.Equal(["Race", "Sex"], registered.Select(g => g.Policy!.SensitiveMember));
        using var race = new ParityGuard<Race>(scope.Registry.BuildOptions(registered[0].Policy!));
        using var sex = new ParityGuard<string>(scope.Registry.BuildOptions(registered[1].Policy!));
        using var raceSecond = new ParityGuard<Race>(scope.Registry.BuildOptions(registered[0].Policy!));
        using var sexFirst = new ParityGuard<string>(scope.Registry.BuildOptions(registered[1].Policy!));
        var inOrder = inputs.Select(a => sex.Apply(race.Apply(a.Income, a.Race), a.Sex)).ToArray();
        var reversed = inputs.Select(a => raceSecond.Apply(sexFirst.Apply(a.Income, a.Sex), a.Race)).ToArray();

        Assert.True(race.IsCorrecting && sex.IsCorrecting);
        Assert.Equal(inOrder, returned);
        Assert.NotEqual(reversed, returned);
    }

    [Fact]
    public void ReplacingTheDefaultRegistryMovesMethodsToItsGuards()
    {
        using var first = new RegistryScope();
        var scorer = new InstanceScorer();
        scorer.Score(new Applicant(1, Race.A, "F"));
        var firstGuard = first.Guard<Race>(InstanceScorer.ScoreKey);

        using var second = new RegistryScope();
        scorer.Score(new Applicant(2, Race.B, "M"));
        var secondGuard = second.Guard<Race>(InstanceScorer.ScoreKey);

        Assert.NotSame(firstGuard, secondGuard);
        Assert.Equal(1, firstGuard.GetReport().Groups.Sum(g => g.Predictions));
        Assert.Equal(1, secondGuard.GetReport().Groups.Sum(g => g.Predictions));
    }

    /// <summary>Runs the parity check on a generated method whose guard is keyed <paramref name="methodKey"/>.</summary>
    private static async Task AssertCorrectsAsync(Func<Applicant, ValueTask<double>> score, string methodKey, int seed)
    {
        using var scope = new RegistryScope();

        var (raw, returned) = await ParityCheck.RunAsync(score, () => scope.Guard<Race>(methodKey).RebuildNow(), seed);

        var guard = scope.Guard<Race>(methodKey);
        Assert.True(guard.IsCorrecting);
        Assert.Equal(2, guard.GroupCount);
        ParityCheck.AssertCorrected(raw, returned);
    }
}
