using FairnessGuard.Correction;

namespace FairnessGuard.Tests.Correction;

/// <summary>
/// The fused in-sample path (<see cref="ExactBarycenterCorrector{TGroup}.FitAndApply"/>) gives every row exactly what
/// Fit followed by a batch Apply gives it, and fits the same corrector.
/// </summary>
public sealed class FitAndApplyTests
{
    [Theory]
    [InlineData(2, 300, 1.0, false)] // one thread
    [InlineData(3, 100_000, 1.0, false)] // groups sorted and corrected in parallel
    [InlineData(5, 70_000, 0.5, false)]
    [InlineData(4, 20_000, 0.0, false)]
    [InlineData(4, 80_000, 1.0, true)] // shrinkage
    [InlineData(40, 90_000, 1.0, false)] // more groups than are tabulated
    public void FusedEqualsFitThenApply(int groupCount, int rows, double strength, bool shrinkage)
    {
        var (outputs, groups) = Rows(groupCount, rows, seed: groupCount + rows);
        var options = new BarycenterOptions { Strength = strength, Seed = 7, Shrinkage = shrinkage };
        var reference = ExactBarycenterCorrector<string>.Fit(outputs, groups, options);
        var expected = new double[rows];
        reference.Apply(outputs, groups, expected);

        var fused = new double[rows];
        var corrector = ExactBarycenterCorrector<string>.FitAndApply(outputs, groups, fused, options);
        Assert.Equal(Bits(expected), Bits(fused));

        // The same fit: the groups, weights and later one-row corrections agree.
        Assert.Equal(reference.Groups, corrector.Groups);
        Assert.Equal(reference.ExcludedNonFinite, corrector.ExcludedNonFinite);
        foreach (var key in reference.Groups)
        {
            Assert.Equal(reference.Weight(key), corrector.Weight(key));
            Assert.Equal(reference.Apply(0.4321, key, 3), corrector.Apply(0.4321, key, 3));
        }
    }

    [Fact]
    public void FusedCorrectsInPlace()
    {
        var (outputs, groups) = Rows(3, 50_000, seed: 3);
        var expected = new double[outputs.Length];
        ExactBarycenterCorrector<string>.Fit(outputs, groups).Apply(outputs, groups, expected);
        ExactBarycenterCorrector<string>.FitAndApply(outputs, groups, outputs);
        Assert.Equal(Bits(expected), Bits(outputs));
    }

    [Fact]
    public void RejectedInputWritesNothing()
    {
        var destination = new double[4];
        Array.Fill(destination, 9.0);
        // One group only, then a group whose only output is NaN.
        Assert.Throws<ArgumentException>(() => ExactBarycenterCorrector<string>.FitAndApply([1, 2, 3, 4], ["a", "a", "a", "a"], destination));
        Assert.Throws<ArgumentException>(() => ExactBarycenterCorrector<string>.FitAndApply([1, 2, double.NaN, 4], ["a", "b", "c", "a"], destination));
        Assert.Throws<ArgumentException>(() => ExactBarycenterCorrector<string>.FitAndApply([1, 2, 3], ["a", "b", "a", "b"], destination));
        Assert.Throws<ArgumentException>(() => ExactBarycenterCorrector<string>.FitAndApply([1, 2, 3, 4], ["a", "b", "a", "b"], new double[3]));
        Assert.All(destination, d => Assert.Equal(9.0, d));
    }

    // Rounded outputs (long atoms) beside unique ones, ±0, a few non-finite rows, equal keys by other references.
    private static (double[] Outputs, string[] Groups) Rows(int groupCount, int rows, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, groupCount).Select(g => $"g{g}").ToArray();
        var groups = new string[rows];
        var outputs = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var g = i < groupCount ? i : random.Next(groupCount);
            groups[i] = i % 3 == 0 ? new string(keys[g].AsSpan()) : keys[g];
            outputs[i] = (i % 5) switch
            {
                _ when i % 997 == 0 => i % 2 == 0 ? double.NaN : double.PositiveInfinity,
                0 => Math.Round(random.NextDouble() + (0.1 * g), 2),
                1 => i % 2 == 0 ? 0.0 : -0.0,
                _ => random.NextDouble() - (0.05 * g),
            };
        }

        return (outputs, groups);
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
