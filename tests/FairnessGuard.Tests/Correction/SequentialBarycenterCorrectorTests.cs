using FairnessGuard.Correction;
using FairnessGuard.Metrics;
using MathNet.Numerics.Distributions;

namespace FairnessGuard.Tests.Correction;

public class SequentialBarycenterCorrectorTests
{
    [Fact]
    public void CorrectsEachAttributeInTurn()
    {
        // Independent attributes with additive effects: each stage's map is a shift, so correcting the second
        // attribute keeps the first one's parity; each attribute's gap is then within the sum of both stages'
        // DKW bounds (δ = 10⁻³ over 4 bands per stage and the test bands).
        static (double[] Y, string[] Sex, string[] Race) Draw(int n, int seed)
        {
            var random = new Random(seed);
            var sex = new string[n];
            var race = new string[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                sex[i] = random.NextDouble() < 0.5 ? "f" : "m";
                race[i] = random.NextDouble() < 0.3 ? "b" : "w";
                y[i] = (sex[i] == "m" ? 0.8 : 0) + (race[i] == "w" ? 0.5 : 0) + Normal.Sample(random, 0, 1);
            }

            return (y, sex, race);
        }

        var (y, sex, race) = Draw(20_000, 1);
        var (testY, testSex, testRace) = Draw(20_000, 2);
        var corrector = SequentialBarycenterCorrector<string>.Fit(y, [sex, race], new BarycenterOptions { Seed = 4 });
        Assert.Equal(2, corrector.Stages.Count);

        var corrected = new double[testY.Length];
        for (var i = 0; i < testY.Length; i++)
        {
            corrected[i] = corrector.Apply(testY[i], [testSex[i], testRace[i]], i);
        }

        var bySex = FairnessAudit.Evaluate<string>(corrected, testSex, new FairnessAuditOptions { MmdSampleCap = 0 });
        var byRace = FairnessAudit.Evaluate<string>(corrected, testRace, new FairnessAuditOptions { MmdSampleCap = 0 });
        var rawBySex = FairnessAudit.Evaluate<string>(testY, testSex, new FairnessAuditOptions { MmdSampleCap = 0 });
        Assert.True(rawBySex.KsUnfairness > 0.2);

        Assert.True(bySex.KsUnfairness <= Bound(bySex) + Bound(byRace), $"sex KS {bySex.KsUnfairness}");
        Assert.True(byRace.KsUnfairness <= Bound(byRace), $"race KS {byRace.KsUnfairness}");
    }

    [Fact]
    public void WrongNumberOfGroupsIsRejected()
    {
        var corrector = SequentialBarycenterCorrector<string>.Fit([1, 2, 3, 4], [["a", "b", "a", "b"]]);
        var e = Assert.Throws<ArgumentException>(() => corrector.Apply(1, ["a", "x"]));
        Assert.Contains("1 groups are needed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnOfWrongLengthIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SequentialBarycenterCorrector<string>.Fit([1, 2, 3], [["a", "b"]]));
        Assert.Contains("column 0", e.Message, StringComparison.Ordinal);
    }

    // Calibration and test groups have about the same sizes: ε for each counted twice per group.
    private static double Bound(FairnessReport<string> report)
    {
        const double delta = 1e-3 / 8;
        return report.Groups.Sum(g => 2 * DkwBound.Epsilon(g.Count, delta));
    }
}
