using FairnessGuard.Distributions;
using FairnessGuard.Correction;
using FairnessGuard.Metrics;

namespace FairnessGuard.Tests.Correction;

public class ExactBarycenterPropertyTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var shape in SyntheticOutputs.Shapes)
        {
            foreach (var groups in new[] { 2, 7, 50 })
            {
                data.Add(shape, groups);
            }
        }

        return data;
    }

    /// <summary>
    /// With randomised ranks, R = F̂_s(Y) is within ε_cal(n_s) of a uniform rank, and every group's output is
    /// the same non-decreasing function of R; so the corrected groups' true CDFs differ by at most
    /// ε_cal(n_s) + ε_cal(n_s'), and their empirical CDFs on the test rows by that plus ε_test(m_s) + ε_test(m_s').
    /// δ = 10⁻³ is split over the 2K DKW bands (union bound).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void CorrectedGroupDistributionsAgreeWithinTheDkwBound(string shape, int groupCount)
    {
        var n = 1500 * groupCount;
        var (calibration, calibrationGroups) = SyntheticOutputs.Draw(shape, groupCount, n, seed: groupCount);
        var (test, testGroups) = SyntheticOutputs.Draw(shape, groupCount, n, seed: 1000 + groupCount);
        var corrector = ExactBarycenterCorrector<int>.Fit(calibration, calibrationGroups, new BarycenterOptions { Seed = 3 });
        var corrected = new double[test.Length];
        corrector.Apply(test, testGroups, corrected);

        var cal = GroupedOutputs<int>.Create(calibration, calibrationGroups);
        var before = GroupedOutputs<int>.Create(test, testGroups);
        var after = GroupedOutputs<int>.Create(corrected, testGroups);
        var delta = 1e-3 / (2 * groupCount);
        for (var a = 0; a < groupCount; a++)
        {
            for (var b = a + 1; b < groupCount; b++)
            {
                var ga = after.IndexOf(a);
                var gb = after.IndexOf(b);
                var bound = DkwBound.Epsilon(cal.Sorted(cal.IndexOf(a)).Length, delta) + DkwBound.Epsilon(cal.Sorted(cal.IndexOf(b)).Length, delta)
                    + DkwBound.Epsilon(after.Sorted(ga).Length, delta) + DkwBound.Epsilon(after.Sorted(gb).Length, delta);
                var ks = Distance.KolmogorovSmirnov(after.Sorted(ga), after.Sorted(gb));
                Assert.True(ks <= bound, $"{shape}, groups {a} vs {b}: KS {ks:0.0000} > bound {bound:0.0000}");
            }
        }

        // The test is only meaningful if the raw outputs were unfair beyond that bound somewhere.
        var rawReport = FairnessAudit.Evaluate(before, new FairnessAuditOptions { MmdSampleCap = 0 });
        Assert.True(rawReport.KsLowerBound > 0.05, $"{shape}: raw data not unfair enough ({rawReport.KsUnfairness:0.000})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CorrectionIsMonotoneWithinEachGroup(string shape, int groupCount)
    {
        var (outputs, groups) = SyntheticOutputs.Draw(shape, groupCount, 400 * groupCount, seed: 5);
        var corrector = ExactBarycenterCorrector<int>.Fit(outputs, groups, new BarycenterOptions { Seed = 8 });
        var corrected = new double[outputs.Length];
        corrector.Apply(outputs, groups, corrected);

        foreach (var rows in Enumerable.Range(0, outputs.Length).GroupBy(i => groups[i]))
        {
            var ordered = rows.OrderBy(i => outputs[i]).ToArray();
            for (var k = 1; k < ordered.Length; k++)
            {
                if (outputs[ordered[k]] > outputs[ordered[k - 1]])
                {
                    Assert.True(corrected[ordered[k]] >= corrected[ordered[k - 1]], $"rank reversed in group {rows.Key}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ZeroStrengthIsTheIdentity(string shape, int groupCount)
    {
        var (outputs, groups) = SyntheticOutputs.Draw(shape, groupCount, 200 * groupCount, seed: 9);
        var corrector = ExactBarycenterCorrector<int>.Fit(outputs, groups, new BarycenterOptions { Strength = 0 });
        var corrected = new double[outputs.Length];
        corrector.Apply(outputs, groups, corrected);
        Assert.Equal(outputs, corrected);
    }
}
