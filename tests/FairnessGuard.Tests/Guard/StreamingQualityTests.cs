using BarycenterDemo;
using FairnessGuard.Correction;
using FairnessGuard.Guard;
using FairnessGuard.Metrics;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// The online guard against the exact batch oracle on real data: a stream of an "unaware" model's
/// predictions in shuffled order; the oracle is the exact barycenter fitted on the stream's first half.
/// </summary>
public class StreamingQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void CpsWagesStreamMatchesTheExactOracleOnTheSecondHalf()
    {
        var rows = CpsWageExperiment.Load(CpsWageExperiment.DefaultPath);
        var model = CpsWageExperiment.FitUnawareModel(rows);
        new Random(17).Shuffle(rows);
        var outputs = rows.Select(model).ToArray();
        var groups = rows.Select(r => r.Gender).ToArray();
        var truth = rows.Select(r => Math.Log(r.Earnings)).ToArray();

        var (guardKs, guardMse, oracleKs, oracleMse) = Compare(outputs, groups, truth);
        output.WriteLine($"guard KS {guardKs:0.0000}, oracle KS {oracleKs:0.0000}, guard MSE {guardMse:0.00000}, oracle MSE {oracleMse:0.00000}");
        Assert.True(guardKs <= oracleKs + 0.01, $"guard KS {guardKs:0.0000} vs oracle {oracleKs:0.0000}");
        Assert.True(guardMse <= oracleMse * 1.01, $"guard MSE {guardMse:0.00000} vs oracle {oracleMse:0.00000}");
    }

    internal static (double GuardKs, double GuardMse, double OracleKs, double OracleMse) Compare(double[] outputs, string[] groups, double[] truth)
    {
        var half = outputs.Length / 2;
        using var guard = new ParityGuard<string>(new ParityGuardOptions { BackgroundRebuild = false, Seed = 3 });
        var returned = new double[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            returned[i] = guard.Apply(outputs[i], groups[i]);
        }

        var oracle = ExactBarycenterCorrector<string>.Fit(outputs.AsSpan(0, half), groups.AsSpan(0, half), new BarycenterOptions { Seed = 3 });
        var oracleOut = new double[outputs.Length - half];
        oracle.Apply(outputs.AsSpan(half), groups.AsSpan(half), oracleOut, half);

        var second = groups.AsSpan(half);
        var guardKs = FairnessAudit.Evaluate<string>(returned.AsSpan(half), second, new FairnessAuditOptions { MmdSampleCap = 0 }).KsUnfairness;
        var oracleKs = FairnessAudit.Evaluate<string>(oracleOut, second, new FairnessAuditOptions { MmdSampleCap = 0 }).KsUnfairness;
        return (guardKs, Mse(returned.AsSpan(half), truth.AsSpan(half)), oracleKs, Mse(oracleOut, truth.AsSpan(half)));
    }

    private static double Mse(ReadOnlySpan<double> predicted, ReadOnlySpan<double> truth)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            if (double.IsFinite(predicted[i]) && double.IsFinite(truth[i]))
            {
                sum += (predicted[i] - truth[i]) * (predicted[i] - truth[i]);
                n++;
            }
        }

        return sum / n;
    }
}
