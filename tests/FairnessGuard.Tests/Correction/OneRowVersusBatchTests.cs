using FairnessGuard.Correction;

namespace FairnessGuard.Tests.Correction;

public class OneRowVersusBatchTests
{
    [Fact]
    public void OneRowApplyEqualsBatchApply()
    {
        // Heavy ties so the randomised tie-breaking is exercised: row i draws the same uniform alone or in a batch.
        var random = new Random(11);
        var groups = Enumerable.Range(0, 3000).Select(_ => random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var outputs = groups.Select(g => Math.Round(random.NextDouble() * (g == "0" ? 4 : 6), 0)).ToArray();
        var corrector = ExactBarycenterCorrector<string>.Fit(outputs, groups, new BarycenterOptions { Seed = 99 });

        var batch = new double[outputs.Length];
        corrector.Apply(outputs, groups, batch, firstRowIndex: 1000);
        for (var i = 0; i < outputs.Length; i++)
        {
            Assert.Equal(batch[i], corrector.Apply(outputs[i], groups[i], 1000 + i));
        }

        // A batch of one row at the same index is the same as well.
        var single = new double[1];
        corrector.Apply(outputs.AsSpan(17, 1), groups.AsSpan(17, 1), single, 1017);
        Assert.Equal(batch[17], single[0]);
    }

    [Fact]
    public void BatchApplyWorksInPlace()
    {
        double[] outputs = [1, 5, 2, 6, 3, 7];
        string[] groups = ["a", "b", "a", "b", "a", "b"];
        var corrector = ExactBarycenterCorrector<string>.Fit(outputs, groups);
        var expected = new double[outputs.Length];
        corrector.Apply(outputs, groups, expected);
        corrector.Apply(outputs, groups, outputs);
        Assert.Equal(expected, outputs);
    }
}
