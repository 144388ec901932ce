using FairnessGuard.Guard;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary><see cref="Guarded.Wrap{TIn, TGroup}(Func{TIn, double}, Func{TIn, TGroup}, ParityGuardOptions)"/> for models without attributes.</summary>
public sealed class GuardedWrapTests
{
    [Fact]
    public async Task WrappedDelegateReturnsParityCorrectedScores()
    {
        // Stands in for an ML.NET call such as x => engine.Predict(x).Score.
        Func<Applicant, double> model = a => a.Income;
        using var guarded = Guarded.Wrap(model, a => a.Race, new ParityGuardOptions { BackgroundRebuild = false, RebuildEvery = int.MaxValue, RebuildInterval = null });
        var function = guarded.Function;

        var (raw, returned) = await ParityCheck.RunAsync(a => new ValueTask<double>(function(a)), guarded.Guard.RebuildNow, seed: 21);

        Assert.True(guarded.Guard.IsCorrecting);
        ParityCheck.AssertCorrected(raw, returned);
        Assert.Equal(2 * (ParityCheck.WarmUpPerGroup + ParityCheck.MeasurePerGroup), guarded.Guard.GetReport().Groups.Sum(g => g.Predictions));
    }

    [Fact]
    public void WrapWithASharedGuardFeedsThatGuard()
    {
        using var guard = new ParityGuard<Race>();
        var first = Guarded.Wrap<Applicant, Race>(a => a.Income, a => a.Race, guard);
        var second = Guarded.Wrap<Applicant, Race>(a => -a.Income, a => a.Race, guard);

        Assert.Equal(0.5, first(new Applicant(0.5, Race.A, "F")));
        Assert.Equal(-0.5, second(new Applicant(0.5, Race.B, "F")));
        Assert.Equal(2, guard.GetReport().Groups.Sum(g => g.Predictions));
    }

    [Fact]
    public void InvalidOptionsFailTheWrapNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guarded.Wrap<Applicant, Race>(a => a.Income, a => a.Race, new ParityGuardOptions { Strength = -1 }));
        Assert.Equal("Strength", error.ParamName);
    }
}
