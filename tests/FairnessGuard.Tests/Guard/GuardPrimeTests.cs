using FairnessGuard.Correction;
using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

/// <summary>Issue 11.2: a primed guard corrects from prediction one; the calibration file round-trips.</summary>
public class GuardPrimeTests
{
    private static (double[] Outputs, string[] Groups) Calibration(int seed, int n = 2_000)
    {
        var random = new Random(seed);
        var groups = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? "b, the \"minority\"" : "a").ToArray();
        var outputs = groups.Select(g => (g == "a" ? 0 : 1.5) + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
        return (outputs, groups);
    }

    [Fact]
    public void APrimedGuardCorrectsFromTheFirstPrediction()
    {
        var (outputs, groups) = Calibration(13);
        using var guard = new ParityGuard<string>();
        guard.Prime(outputs, groups);
        Assert.True(guard.IsCorrecting);
        Assert.NotEqual(1.5, guard.Apply(1.5, "b, the \"minority\""));
        Assert.Equal(1, guard.Counts.Changed);
        Assert.Equal(1, guard.Counts.Predictions);
    }

    [Fact]
    public void TheCalibrationFileRoundTripsAndPrimesThroughOptions()
    {
        var (outputs, groups) = Calibration(14);
        var path = Path.Combine(Path.GetTempPath(), $"fg-calibration-{Guid.NewGuid():N}.csv");
        try
        {
            ExactBarycenterCorrector<string>.Fit(outputs, groups).ToCalibration().Save(path);
            var loaded = GuardCalibration.Load(path);
            Assert.Equal(outputs.Length, loaded.Count);
            Assert.Equal(outputs.Order(), loaded.Outputs.Order());
            Assert.Contains("b, the \"minority\"", loaded.Groups);

            using var fromFile = new ParityGuard<string>(new ParityGuardOptions { CalibrationFile = path });
            using var direct = new ParityGuard<string>();
            direct.Prime(loaded, s => s);
            Assert.True(fromFile.IsCorrecting);
            Assert.Equal(direct.Apply(0.3, "a"), fromFile.Apply(0.3, "a"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("group,output\na,1\n", "line 1")]
    [InlineData("# fairness-guard calibration v1\ngroup,output\na,1\nb,NaN\n", "line 4")]
    [InlineData("# fairness-guard calibration v1\ngroup,output\n\"a,1\n", "line 3")]
    public void ABrokenCalibrationFileIsRefusedWithItsLine(string text, string where)
    {
        var ex = Assert.Throws<GuardCalibrationFormatException>(() => GuardCalibration.Read(new StringReader(text), "test.csv"));
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumKeysAreParsedFromTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-calibration-{Guid.NewGuid():N}.csv");
        try
        {
            var random = new Random(15);
            var keys = Enumerable.Range(0, 1_000).Select(i => i % 2 == 0 ? DayOfWeek.Monday : DayOfWeek.Friday).ToArray();
            GuardCalibration.Create<DayOfWeek>([.. keys.Select(k => (k == DayOfWeek.Monday ? 0 : 2) + random.NextDouble())], keys).Save(path);
            using var guard = new ParityGuard<DayOfWeek>(new ParityGuardOptions { CalibrationFile = path });
            Assert.True(guard.IsCorrecting);
            Assert.Equal(2, guard.GroupCount);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
