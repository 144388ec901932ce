using FairnessGuard.Guard;
using FairnessGuard.Metrics;

namespace FairnessGuard.Tests.Guard;

public class ClassificationAndAttributesTests
{
    private static readonly double[] Thresholds = [0.3, 0.5, 0.7];

    [Fact]
    public void CorrectedScoresGiveEqualSelectionRatesAtEveryThreshold()
    {
        // A classifier with few distinct scores (heavy atoms) whose scores run higher for group "x".
        double Score(Random r, bool high) => Math.Round(Math.Clamp((high ? 0.62 : 0.45) + (0.2 * MathNet.Numerics.Distributions.Normal.Sample(r, 0, 1)), 0, 1), 1);
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic(o => o.Thresholds = Thresholds));
        var random = new Random(4);
        for (var i = 0; i < 20_000; i++)
        {
            var g = random.NextDouble() < 0.4 ? "x" : "y";
            guard.Apply(Score(random, g == "x"), g);
        }

        guard.RebuildNow();
        var raw = new Dictionary<string, List<double>> { ["x"] = [], ["y"] = [] };
        var fair = new Dictionary<string, List<double>> { ["x"] = [], ["y"] = [] };
        for (var i = 0; i < 20_000; i++)
        {
            var g = random.NextDouble() < 0.4 ? "x" : "y";
            var s = Score(random, g == "x");
            raw[g].Add(s);
            fair[g].Add(guard.Apply(s, g));
        }

        foreach (var t in Thresholds)
        {
            double Rate(List<double> v) => v.Count(s => s >= t) / (double)v.Count;

            // Test-sample DKW bands (δ = 10⁻³ over 2 groups and 3 thresholds), sketch rank error and knot resolution.
            var bound = DkwBound.Epsilon(fair["x"].Count, 1e-3 / 6) + DkwBound.Epsilon(fair["y"].Count, 1e-3 / 6) + (2 * 3.26 / 1000) + (2.0 / 511);
            var gap = Math.Abs(Rate(fair["x"]) - Rate(fair["y"]));
            Assert.True(gap <= bound, $"threshold {t}: selection-rate gap {gap:0.0000} > {bound:0.0000}");
            Assert.True(Math.Abs(Rate(raw["x"]) - Rate(raw["y"])) > 0.1, "raw scores must be unfair for the test to mean anything");
        }

        var report = guard.GetReport();
        Assert.Equal(3, report.Groups[0].ReturnedSelectionRates.Count);
    }

    [Fact]
    public void SequentialGuardsAndAnIntersectionalKeyBothReachParity()
    {
        using var bySex = new ParityGuard<string>(GuardStreams.Deterministic(o => o.PolicyName = "sex"));
        using var byRace = new ParityGuard<string>(GuardStreams.Deterministic(o => o.PolicyName = "race"));
        using var byBoth = new ParityGuard<(string, string)>(GuardStreams.Deterministic(o => o.PolicyName = "sex x race"));
        var random = new Random(9);
        var rows = new List<(string Sex, string Race, double Sequential, double Intersectional)>();
        for (var i = 0; i < 60_000; i++)
        {
            var sex = random.NextDouble() < 0.5 ? "f" : "m";
            var race = random.NextDouble() < 0.3 ? "b" : "w";
            var y = (sex == "m" ? 0.8 : 0) + (race == "w" ? 0.5 : 0) + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            var sequential = byRace.Apply(bySex.Apply(y, sex), race);
            var intersectional = byBoth.Apply(y, (sex, race));
            if (i >= 30_000)
            {
                rows.Add((sex, race, sequential, intersectional));
            }
        }

        // KS of the returned outputs between the groups of `key`, and the budget for it: the DKW bands of the
        // two smallest groups (δ = 10⁻³ over 4 bands), the sketches' rank error and the knot resolution.
        (double Ks, double Budget) Measure(Func<(string Sex, string Race, double S, double I), string> key, Func<(string Sex, string Race, double S, double I), double> value)
        {
            var report = FairnessAudit.Evaluate<string>([.. rows.Select(value)], [.. rows.Select(key)], new FairnessAuditOptions { MmdSampleCap = 0 });
            var smallest = report.Groups.Min(g => g.Count);
            return (report.KsUnfairness, (2 * DkwBound.Epsilon(smallest, 2.5e-4)) + (2 * 3.26 / 1000) + (2.0 / 511));
        }

        // A sequential first stage can be disturbed by the second by at most the second's budget (each stage's
        // map is a shift in this additive model).
        var raceGap = Measure(r => r.Race, r => r.S);
        var sexGap = Measure(r => r.Sex, r => r.S);
        var bothGap = Measure(r => r.Sex + r.Race, r => r.I);
        Assert.True(raceGap.Ks <= raceGap.Budget, $"race after sequential correction: {raceGap.Ks:0.0000} > {raceGap.Budget:0.0000}");
        Assert.True(sexGap.Ks <= sexGap.Budget + raceGap.Budget, $"sex after sequential correction: {sexGap.Ks:0.0000}");
        Assert.True(bothGap.Ks <= bothGap.Budget, $"intersection: {bothGap.Ks:0.0000} > {bothGap.Budget:0.0000}");
    }
}
