using FairnessGuard.Correction;
using FairnessGuard.Guard;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>Issue 11.4: per-group drift detection, restart, and recovery measured in samples after the change.</summary>
public class GuardDriftTests(ITestOutputHelper output)
{
    [Fact]
    public void AStationaryStreamWithAtomsRestartsNothing()
    {
        // 2 × 40,000 draws, ≈ 310 window tests per group at δ = 10⁻⁴ each: P(any false restart) ≤ 0.07 by the
        // union bound; the seed is fixed.
        using var guard = new ParityGuard<string>();
        var random = new Random(10);
        for (var i = 0; i < 80_000; i++)
        {
            var g = (i & 1) == 0 ? "a" : "b";
            guard.Apply(Math.Round(random.NextDouble() + (g == "b" ? 0.3 : 0), 1), g);
        }

        Assert.Equal(0, guard.Counts.DriftRestarts);
    }

    [Fact]
    public void AWindowThatCrossesTheFirstStageRestartsNothingUnlessTheNextWindowConfirmsIt()
    {
        // A stationary stream with a loose first stage (δ₁ = 0.4: ε(128, 0.4) ≈ 0.079, about a window's typical KS,
        // so many windows become suspects) and a strict second stage (δ₂ = 10⁻⁶: a confirming window needs KS above
        // ε(128, 10⁻⁶) ≈ 0.24). Each suspect is confirmed with probability ≤ 2·10⁻⁶ by DKW, so over a few hundred
        // suspects P(any restart) < 10⁻³; the seed is fixed.
        var options = new ParityGuardOptions { DriftConfidence = 0.6, DriftConfirmConfidence = 1 - 1e-6 };
        using var guard = new ParityGuard<string>(options);
        var random = new Random(12);
        for (var i = 0; i < 80_000; i++)
        {
            var g = (i & 1) == 0 ? "a" : "b";
            guard.Apply(random.NextDouble() + (g == "b" ? 0.3 : 0), g);
        }

        output.WriteLine($"suspects {guard.DriftSuspects}, restarts {guard.Counts.DriftRestarts}");
        Assert.True(guard.DriftSuspects >= 50, $"the first stage fires on a stable stream at δ₁ = 0.4 ({guard.DriftSuspects} suspects)");
        Assert.Equal(0, guard.Counts.DriftRestarts);
    }

    [Fact]
    public void AShiftIsDetectedAndTheGuardRecoversWithin2000SamplesPerGroup()
    {
        // CPS 2008 predictions of an unaware model for men and women; after 4,000 samples per group the women's
        // outputs shift up by 0.4 and the men's down by 0.2 (log earnings).
        var stream = GuardGoalStreams.CpsShift();
        var women = stream.Outputs.Where((_, i) => stream.Groups[i] == "female").ToArray();
        var men = stream.Outputs.Where((_, i) => stream.Groups[i] == "male").ToArray();
        var random = new Random(11);
        double Draw(double[] pool) => pool[random.Next(pool.Length)] + (0.05 * (random.NextDouble() - 0.5));
        using var guard = new ParityGuard<string>();
        for (var i = 0; i < 4_000; i++)
        {
            guard.Apply(Draw(women), "female");
            guard.Apply(Draw(men), "male");
        }

        const int after = 4_000;
        var raw = new double[2, after];
        var returned = new double[2, after];
        for (var i = 0; i < after; i++)
        {
            raw[0, i] = Draw(women) + 0.4;
            raw[1, i] = Draw(men) - 0.2;
            returned[0, i] = guard.Apply(raw[0, i], "female");
            returned[1, i] = guard.Apply(raw[1, i], "male");
        }

        Assert.True(guard.Counts.DriftRestarts >= 1, "the shift is detected");

        // The reference: the exact map fitted on post-change samples 2,000–4,000, applied to samples 1,500–2,000.
        var fitOutputs = Enumerable.Range(2_000, 2_000).SelectMany(i => new[] { raw[0, i], raw[1, i] }).ToArray();
        var fitGroups = Enumerable.Range(2_000, 2_000).SelectMany(_ => new[] { "female", "male" }).ToArray();
        var exact = ExactBarycenterCorrector<string>.Fit(fitOutputs, fitGroups);
        double WindowKs(Func<int, int, double> value, int from, int to) => GuardGoalsTests.Ks(
            [.. Enumerable.Range(from, to - from).Select(i => value(0, i)).Order()],
            [.. Enumerable.Range(from, to - from).Select(i => value(1, i)).Order()]);
        var exactKs = WindowKs((g, i) => exact.Apply(raw[g, i], g == 0 ? "female" : "male", i), 1_500, 2_000);
        var recovery = -1;
        for (var from = 0; from + 250 <= after && recovery < 0; from += 250)
        {
            var ks = WindowKs((g, i) => returned[g, i], from, from + 250);
            output.WriteLine($"samples {from}–{from + 250} after the change: guard KS {ks:0.000}");
            recovery = ks <= exactKs + 0.05 + 0.05 ? from + 250 : -1;
        }

        // 250-sample windows carry sampling noise the 500-sample reference does not: the extra 0.05 is their
        // typical two-sample KS spread (≈ 0.87·√(2/250) ≈ 0.08 at the median, so a window may still miss it).
        var late = WindowKs((g, i) => returned[g, i], 1_500, 2_000);
        output.WriteLine($"exact map on post-change data: {exactKs:0.000}; guard on samples 1,500–2,000: {late:0.000}; recovery at {recovery}");
        Assert.True(late <= exactKs + 0.05, $"guard {late:0.000} vs post-change map {exactKs:0.000}");
        Assert.InRange(recovery, 1, 2_000);
    }
}
