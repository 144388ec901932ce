using LoanApproval;

namespace FairnessGuard.Tests.Samples;

/// <summary>The main demo's claims, checked on its own run (seeded split, deterministic replay).</summary>
public class LoanApprovalDemoTests
{
    private static readonly Lazy<LoanResult> Result = new(() => LoanExperiment.Run(LoanExperiment.DefaultPath));

    [Fact]
    public void GuardedScorerIsCorrectingAndNarrowsTheDenialGap()
    {
        var r = Result.Value;
        var white = r.Groups.Single(g => g.Race == Race.White);
        var black = r.Groups.Single(g => g.Race == Race.Black);
        Assert.True(r.Guard.GroupsInPlay == 2, "the generated method's guard must be correcting by the evaluated part of the stream");
        Assert.True(Math.Abs(black.Guarded - white.Guarded) < Math.Abs(black.Unaware - white.Unaware), $"gap {black.Unaware - white.Unaware:0.000} -> {black.Guarded - white.Guarded:0.000}");
        Assert.True(r.ApprovalRatio(g => g.Guarded) > r.ApprovalRatio(g => g.Unaware));
    }

    [Fact]
    public void GuardReportsTheReturnedGapBelowTheRawGap()
    {
        var r = Result.Value;
        Assert.True(r.Guard.ReturnedKs < r.Guard.RawKs, $"KS raw {r.Guard.RawKs:0.000}, returned {r.Guard.ReturnedKs:0.000}");
        Assert.Equal(1190, r.Guard.Groups.Sum(g => g.Predictions));
    }
}
