using FairnessGuard.Correction;

namespace FairnessGuard.Tests.Correction;

/// <summary>
/// The exact corrector's fast paths (guide-table search, tabulated barycenter, a large batch corrected in order
/// of value) give exactly the one-row results: same row index, same bits.
/// </summary>
public sealed class ExactCorrectorFastPathTests
{
    [Theory]
    [InlineData(3, 40_000, 0.0)]
    [InlineData(5, 20_000, 0.5)]
    [InlineData(40, 30_000, 1.0)] // more groups than are tabulated
    public void LargeBatchEqualsRowByRow(int groupCount, int rows, double strengthOffset)
    {
        var random = new Random(groupCount);
        var keys = Enumerable.Range(0, groupCount).Select(g => $"g{g}").ToArray();
        var groups = new string[rows];
        var outputs = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(groupCount);
            groups[i] = i % 3 == 0 ? new string(keys[g].AsSpan()) : keys[g]; // equal keys, other references
            // Rounded to 3 decimals: long atoms (ties) next to unique values; a few non-finite rows.
            outputs[i] = i % 997 == 0 ? double.NaN : i % 2 == 0 ? Math.Round(random.NextDouble() + (0.1 * g), 3) : random.NextDouble() - (0.05 * g);
        }

        var corrector = ExactBarycenterCorrector<string>.Fit(outputs, groups, new BarycenterOptions { Strength = 1 - strengthOffset, Seed = 11 });
        var batch = new double[rows];
        var result = corrector.Apply(outputs, groups, batch, firstRowIndex: 5);
        Assert.Equal(rows, result.Rows);
        Assert.Equal(outputs.Count(y => !double.IsFinite(y)), result.NonFinitePassedThrough);
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(corrector.Apply(outputs[i], groups[i], 5 + i), batch[i]);
        }

        // Outside the calibration range and in place (destination = outputs).
        Assert.Equal(corrector.Apply(-1e9, keys[0], 0), corrector.Apply(-1e9, keys[0], 1));
        var copy = (double[])outputs.Clone();
        corrector.Apply(copy, groups, copy, firstRowIndex: 5);
        Assert.Equal(batch, copy);
    }
}
