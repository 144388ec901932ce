using FairnessGuard.Correction;
using FairnessGuard.Guard;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>Issue 11.3: small groups are shrunk toward the barycenter by their evidence; none ends further from parity.</summary>
public class GuardShrinkTests(ITestOutputHelper output)
{
    [Fact]
    public void NoGroupEndsFurtherFromParityThanItStarted()
    {
        // 32 groups with shares ∝ 1/k²: per group with ≥ 10 rows in the second half, the KS between its
        // outputs and everyone else's, raw vs returned. Slack: the KS of a group of n rows to the rest moves by
        // sampling alone; 0.5·ε_DKW(n, 0.05) covers the difference of two correlated measurements on the same rows.
        var s = GuardGoalStreams.CpsThirtyTwoGroups();
        using var guard = new ParityGuard<string>();
        var returned = s.Outputs.Select((y, i) => guard.Apply(y, s.Groups[i])).ToArray();
        var half = s.Outputs.Length / 2;
        var checkedGroups = 0;
        foreach (var g in s.Groups[half..].Distinct())
        {
            var rows = Enumerable.Range(half, s.Outputs.Length - half).Where(i => s.Groups[i] == g).ToArray();
            if (rows.Length < GuardGoalsTests.MinRows)
            {
                continue;
            }

            var others = Enumerable.Range(half, s.Outputs.Length - half).Where(i => s.Groups[i] != g).ToArray();
            var before = GuardGoalsTests.Ks([.. rows.Select(i => s.Outputs[i]).Order()], [.. others.Select(i => s.Outputs[i]).Order()]);
            var after = GuardGoalsTests.Ks([.. rows.Select(i => returned[i]).Order()], [.. others.Select(i => returned[i]).Order()]);
            var slack = 0.5 * FairnessGuard.Metrics.DkwBound.Epsilon(rows.Length, 0.05);
            output.WriteLine($"{g}: {rows.Length} rows, KS to the rest {before:0.000} → {after:0.000}");
            Assert.True(after <= before + slack, $"{g}: {before:0.000} → {after:0.000} (slack {slack:0.000})");
            checkedGroups++;
        }

        Assert.True(checkedGroups >= 7, $"{checkedGroups} groups checked");
    }

    [Fact]
    public void ExactCorrectorShrinksTinyGroupsAndDoesNotMakeParityWorse()
    {
        // Four groups of 8 calibration rows next to one of 400, identical distributions: the unshrunk exact map
        // chases noise; with shrinkage the tiny groups keep at least a fifth of their outputs' position and move far less.
        var random = new Random(12);
        string Group(int i) => i < 400 ? "big" : "small" + ((i - 400) / 8);
        var outputs = Enumerable.Range(0, 432).Select(_ => random.NextDouble()).ToArray();
        var groups = Enumerable.Range(0, 432).Select(Group).ToArray();
        var shrunk = ExactBarycenterCorrector<string>.Fit(outputs, groups, new BarycenterOptions { Shrinkage = true });
        Assert.All(shrunk.ShrinkageWeights.Skip(1), w => Assert.InRange(w, 0.2, 1));

        var test = Enumerable.Range(0, 4_000).Select(_ => random.NextDouble()).ToArray();
        double Distance(ExactBarycenterCorrector<string> c)
        {
            // Mean absolute change: a fair stream needs none.
            return test.Select((y, i) => Math.Abs(c.Apply(y, "small" + (i % 4), i) - y)).Average();
        }

        var exact = ExactBarycenterCorrector<string>.Fit(outputs, groups);
        Assert.True(Distance(shrunk) < 0.7 * Distance(exact), $"shrunk {Distance(shrunk):0.000} vs exact {Distance(exact):0.000}");
    }
}
