using FairnessGuard.Guard;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Issue 11.4 on the hold-out stream "CPS 2008, 3,000 rows, gradual drift" (docs/guard.md, "Drift"): where the drift
/// restart's MSE cost comes from. The women's outputs and their truth drift up together; the one confirmed restart
/// re-centres the women's estimate on their recent outputs, so the map pulls those outputs down toward the
/// barycenter. That buys parity and costs MSE against a truth that moved with the outputs. It is not estimation noise
/// of the 256-sample map.
/// </summary>
public class GuardGradualDriftTests(ITestOutputHelper output)
{
    [Fact]
    public void OnAGradualDriftTheRestartBuysParityWithASystematicShiftNotMapNoise()
    {
        var s = GuardHoldOutStreams.CpsGradualDrift();
        var half = s.Outputs.Length / 2;
        var (on, restarts) = Run(s, drift: true);
        var (off, _) = Run(s, drift: false);
        var groups = s.Groups[half..];
        var ksOn = GuardGoalsTests.MaxPairwiseKs(on[half..], groups);
        var ksOff = GuardGoalsTests.MaxPairwiseKs(off[half..], groups);
        var mseOn = GuardGoalsTests.Mse(on[half..], s.Truth[half..]);
        var mseOff = GuardGoalsTests.Mse(off[half..], s.Truth[half..]);

        // The women's outputs the restart changed: how far they moved, on average (systematic) and in all.
        var moved = Enumerable.Range(half, s.Outputs.Length - half).Where(i => s.Groups[i] == "female" && on[i] != off[i]).ToArray();
        var mean = moved.Average(i => on[i] - off[i]);
        var meanSquare = moved.Average(i => (on[i] - off[i]) * (on[i] - off[i]));
        output.WriteLine($"restarts {restarts}; second half KS {ksOn:0.000} with drift detection, {ksOff:0.000} without; MSE {mseOn:0.00000} vs {mseOff:0.00000}");
        output.WriteLine($"{moved.Length} women's outputs moved by the restart: mean {mean:0.000}, root-mean-square {Math.Sqrt(meanSquare):0.000}, systematic share {mean * mean / meanSquare:0.000}");

        Assert.Equal(1, restarts);
        Assert.True(ksOn < ksOff, $"the restart buys parity ({ksOn:0.000} vs {ksOff:0.000})");
        Assert.True(mseOn > mseOff, "and costs MSE against a truth that drifted with the outputs");

        // A quantile map from the restart's 2W = 256 samples has a per-output error of about σ·√(2/256) (σ ≈ 0.26, the
        // women's output spread: ≈ 0.023 RMS, the asymptotic variance of a sample quantile averaged over ranks, about
        // 2σ²/n for a normal). The outputs moved by ≈ 0.2 on average, so noise accounts for at most ≈ (0.023/0.2)² ≈ 1 %
        // of the mean square: the systematic part must be at least 90 % of it.
        Assert.True(mean < 0, "the women's drifted-up outputs are pulled down");
        Assert.True(mean * mean >= 0.9 * meanSquare, $"systematic share {mean * mean / meanSquare:0.000}");
    }

    private static (double[] Returned, long Restarts) Run(GoalStream s, bool drift)
    {
        using var guard = new ParityGuard<string>(new ParityGuardOptions { DriftDetection = drift });
        var returned = new double[s.Outputs.Length];
        for (var i = 0; i < returned.Length; i++)
        {
            returned[i] = guard.Apply(s.Outputs[i], s.Groups[i]);
        }

        return (returned, guard.Counts.DriftRestarts);
    }
}
