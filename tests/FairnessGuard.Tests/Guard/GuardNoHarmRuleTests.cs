using FairnessGuard.Correction;
using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// The do-no-harm rule (docs/guard.md, "Do no harm when fair"; <see cref="NoHarmRule"/>): on fair streams correction
/// is on after the last rebuild at most as often as the rule's level α₀ = 2e^(−π²/6) ≈ 0.386 (the asymptotic two-sample
/// KS tail, an upper bound for these sizes), for two groups and, through the Šidák level, for eight; a gap three times
/// the noise is corrected every time. Bounds: α₀ plus three binomial standard deviations over the seeds.
/// </summary>
public class GuardNoHarmRuleTests
{
    [Fact]
    public void TheCriticalValueForTwoGroupsIsTheRootMeanSquareOfTheKolmogorovDistribution()
    {
        Assert.Equal(Math.PI / Math.Sqrt(12), Math.Sqrt(Math.Log(2 / NoHarmRule.Level) / 2), 12);
        Assert.Equal(NoHarmRule.Level, NoHarmRule.GroupLevel(2));
        // Šidák: eight groups, seven independent gaps, each at the level that keeps the largest at α₀.
        Assert.Equal(NoHarmRule.Level, 1 - Math.Pow(1 - NoHarmRule.GroupLevel(8), 7), 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void FairStreamsEndCorrectingAtMostAtTheRulesLevel(int groups)
    {
        const int streams = 200;
        var correcting = 0;
        for (var seed = 0; seed < streams; seed++)
        {
            using var guard = new ParityGuard<int>(new ParityGuardOptions { BackgroundRebuild = false });
            var random = new Random(seed);
            for (var i = 0; i < 1_000; i++)
            {
                // Group 0 is a 12 % minority; the outputs do not depend on the group.
                var g = random.NextDouble() < 0.12 ? 0 : 1 + random.Next(groups - 1);
                guard.Apply(random.NextDouble(), g);
            }

            guard.RebuildNow();
            correcting += guard.IsCorrecting ? 1 : 0;
        }

        var bound = NoHarmRule.Level + (3 * Math.Sqrt(NoHarmRule.Level * (1 - NoHarmRule.Level) / streams));
        Assert.True(correcting / (double)streams <= bound, $"{correcting} of {streams} fair streams end correcting (bound {bound:0.000})");
    }

    [Fact]
    public void AGapThreeTimesTheNoiseIsAlwaysCorrected()
    {
        // 1,000 rows, 12 % minority: noise π/√12 · √(1/120 + 1/880) ≈ 0.088; the minority's outputs are uniform on
        // [0.3, 1.3] against [0, 1], a KS gap of 0.3 ≈ 3.4 times the noise.
        for (var seed = 0; seed < 100; seed++)
        {
            using var guard = new ParityGuard<int>(new ParityGuardOptions { BackgroundRebuild = false });
            var random = new Random(seed);
            for (var i = 0; i < 1_000; i++)
            {
                var minority = random.NextDouble() < 0.12;
                guard.Apply(random.NextDouble() + (minority ? 0.3 : 0), minority ? 0 : 1);
            }

            guard.RebuildNow();
            Assert.True(guard.IsCorrecting, $"seed {seed}");
        }
    }
}
