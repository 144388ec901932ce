using System.Globalization;
using MathNet.Numerics.LinearRegression;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>SLID 1994 (Ontario) wages, with its missing values, streamed through the guard.</summary>
public class SlidWagesTests(ITestOutputHelper output)
{
    [Fact]
    public void SlidStreamWithMissingValuesMatchesTheExactOracle()
    {
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "slid.csv")).Skip(1).Select(Parse).ToArray();
        new Random(23).Shuffle(rows);

        // An "unaware" model of log wages from education and age: sex is never used. Rows with a missing
        // education get a NaN prediction, which the guard must pass through and count.
        var complete = rows.Where(r => double.IsFinite(r.Wages) && double.IsFinite(r.Education)).ToArray();
        var beta = MultipleRegression.QR(complete.Select(Features).ToArray(), complete.Select(r => Math.Log(r.Wages)).ToArray());
        var outputs = rows.Select(r => Features(r).Select((x, i) => x * beta[i]).Sum()).ToArray();
        var groups = rows.Select(r => r.Sex).ToArray();
        var truth = rows.Select(r => Math.Log(r.Wages)).ToArray();
        Assert.Contains(outputs, double.IsNaN);

        var (guardKs, guardMse, oracleKs, oracleMse) = StreamingQualityTests.Compare(outputs, groups, truth);
        output.WriteLine($"guard KS {guardKs:0.0000}, oracle KS {oracleKs:0.0000}, guard MSE {guardMse:0.00000}, oracle MSE {oracleMse:0.00000}");
        Assert.True(guardKs <= oracleKs + 0.01, $"guard KS {guardKs:0.0000} vs oracle {oracleKs:0.0000}");
        Assert.True(guardMse <= oracleMse * 1.01, $"guard MSE {guardMse:0.00000} vs oracle {oracleMse:0.00000}");
    }

    private static double[] Features((double Wages, double Education, double Age, string Sex) r) => [1, r.Education, r.Age, r.Age * r.Age / 100];

    private static (double Wages, double Education, double Age, string Sex) Parse(string line)
    {
        var f = line.Split(',').Select(v => v.Trim('"')).ToArray();
        static double Num(string v) => v is "NA" or "" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture);
        return (Num(f[0]), Num(f[1]), Num(f[2]), f[3]);
    }
}
