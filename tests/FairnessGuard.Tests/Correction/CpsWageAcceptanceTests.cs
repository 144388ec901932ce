using BarycenterDemo;

namespace FairnessGuard.Tests.Correction;

public class CpsWageAcceptanceTests
{
    private static readonly Lazy<WageExperimentResult> Result = new(() => CpsWageExperiment.Run(CpsWageExperiment.DefaultPath));

    [Fact]
    public void CorrectionOnHeldOutHalfReachesKsAtMostThreePercent()
    {
        var r = Result.Value;
        Assert.True(r.After.KsUnfairness <= 0.03, $"KS after {r.After.KsUnfairness:0.0000}");
        Assert.True(r.After.KsUnfairness < r.Before.KsUnfairness, $"KS {r.Before.KsUnfairness:0.0000} -> {r.After.KsUnfairness:0.0000}");
        Assert.Equal(2, r.Before.Groups.Count);
    }

    [Fact]
    public void CorrectionKeepsRanksWithinEachGender()
    {
        var r = Result.Value;
        foreach (var gender in new[] { "male", "female" })
        {
            var rows = Enumerable.Range(0, r.Raw.Length).Where(i => r.Groups[i] == gender).OrderBy(i => r.Raw[i]).ToArray();
            for (var k = 1; k < rows.Length; k++)
            {
                if (r.Raw[rows[k]] > r.Raw[rows[k - 1]])
                {
                    Assert.True(r.Corrected[rows[k]] >= r.Corrected[rows[k - 1]], $"{gender}: rank reversed at {r.Raw[rows[k]]}");
                }
            }
        }
    }

    [Fact]
    public void ErrorCostIsReportedAndBounded()
    {
        var r = Result.Value;
        Assert.True(double.IsFinite(r.MseBefore) && double.IsFinite(r.MseAfter));

        // The correction moves outputs by W2 between group and barycenter at most; on this data the group
        // distributions are close (raw KS ≈ 0.05), so the error may not rise by more than a few percent.
        Assert.True(r.MseAfter <= r.MseBefore * 1.05, $"MSE {r.MseBefore:0.0000} -> {r.MseAfter:0.0000}");
    }
}
