using FairnessGuard.Correction;
using FairnessGuard.Guard;
using FairnessGuard.Metrics;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Discrete outputs (decisions, ratings, rounded scores): an output on an atom keeps its rank interval, the targets keep the
/// barycenter's atoms exactly, and a share λ &lt; 1 of a correction is a chance λ of the whole move (docs/guard.md, "Atoms").
/// </summary>
public class GuardAtomTests(ITestOutputHelper output)
{
    [Fact]
    public void OnDiscreteOutputsTheGuardNarrowsAGapAndLeavesAFairStreamAlone()
    {
        // Judged like the seeded families (second half, DEFAULT options), summed over the seeds. Fair: the guard adds less
        // parity noise than the exact map fitted on the first half. Unfair: it narrows the gap; at gap 0.2 (over three
        // times the second half's sampling noise, ≈ 0.5/√64) the James–Stein share left is at most (ε/D)² ≤ 1/4 of the gap,
        // so the guard closes at least half of what the exact map closes.
        var sums = new Dictionary<(int, double), (double Raw, double Exact, double Guard)>();
        foreach (var (levels, gap, stream) in GuardAtomStreams.All())
        {
            var r = GuardGoalsTests.Measure(stream, new ParityGuardOptions());
            var a = sums.GetValueOrDefault((levels, gap));
            sums[(levels, gap)] = (a.Raw + r.RawKs, a.Exact + r.ExactKs, a.Guard + r.GuardKs);
        }

        const int n = GuardAtomStreams.Seeds;
        foreach (var ((levels, gap), a) in sums)
        {
            output.WriteLine($"{levels} levels, gap {gap}: mean KS raw {a.Raw / n:0.000} exact {a.Exact / n:0.000} guard {a.Guard / n:0.000}");
            if (gap == 0)
            {
                Assert.True(a.Guard - a.Raw <= a.Exact - a.Raw, $"{levels} levels, fair: guard {a.Guard / n:0.000} raw {a.Raw / n:0.000} exact {a.Exact / n:0.000}");
            }
            else if (gap < 0.2)
            {
                Assert.True(a.Guard < a.Raw, $"{levels} levels, gap {gap}: guard {a.Guard / n:0.000} raw {a.Raw / n:0.000}");
            }
            else
            {
                Assert.True(a.Guard <= a.Raw - ((a.Raw - a.Exact) / 2), $"{levels} levels, gap {gap}: guard {a.Guard / n:0.000} raw {a.Raw / n:0.000} exact {a.Exact / n:0.000}");
            }
        }
    }

    [Fact]
    public void DecisionsThatStayKeepTheirExactValues()
    {
        // 0/1 decisions, corrected from the start: outputs the map leaves on their atom come back as exactly 0 or 1, not
        // 0 ± 10⁻¹⁶ (the tie-breaking jitter must not reach the returned value), so a KS on the returned values sees atoms.
        var s = GuardAtomStreams.Stream(2, 0.2, 4000, 7);
        using var guard = new ParityGuard<string>(new ParityGuardOptions { NoHarmWhenFair = false });
        var returned = s.Outputs.Select((y, i) => guard.Apply(y, s.Groups[i])).ToArray();
        var dust = returned.Count(v => (v != 0 && Math.Abs(v) < 1e-6) || (v != 1 && Math.Abs(v - 1) < 1e-6));
        var exact = returned.Count(v => v is 0 or 1);
        output.WriteLine($"exactly 0 or 1: {exact} of {returned.Length}; within 10⁻⁶ of them but not equal: {dust}; distinct values {returned.Distinct().Count()}");
        Assert.Equal(0, dust);
        Assert.True(exact > returned.Length / 2, $"{exact} returned exactly 0 or 1");
    }

    [Fact]
    public void AShareOfACorrectionOnAnAtomMovesThatShareOfTheMass()
    {
        // Strength 0.5, no shrinkage and no do-no-harm hold: every call's λ is 0.5. On 0/1 outputs a move of half the
        // way changes no rank, so the share is a chance: the returned CDFs are ½F_s + ½F_bar and their KS is half the
        // raw KS. Bound: both measured KS move by at most the two-sample DKW half-width at 99.9 % for the second half's
        // group sizes, plus the map's estimation error, of the same order (hence 2ε).
        var s = GuardAtomStreams.Stream(2, 0.3, 20000, 11);
        using var guard = new ParityGuard<string>(new ParityGuardOptions { Strength = 0.5, Shrinkage = false, NoHarmWhenFair = false, DriftDetection = false });
        var returned = s.Outputs.Select((y, i) => guard.Apply(y, s.Groups[i])).ToArray();
        var half = s.Outputs.Length / 2;
        var raw = GuardGoalsTests.MaxPairwiseKs(s.Outputs[half..], s.Groups[half..]);
        var after = GuardGoalsTests.MaxPairwiseKs(returned[half..], s.Groups[half..]);
        var minority = s.Groups[half..].Count(g => g == "a");
        var eps = DkwBound.Epsilon(minority, 0.001);
        output.WriteLine($"raw KS {raw:0.000}, returned {after:0.000}, half the raw {raw / 2:0.000}, ε {eps:0.000}");
        Assert.InRange(after, (raw / 2) - (2 * eps), (raw / 2) + (2 * eps));
    }

    [Fact]
    public void TheExactCorrectorsShareOnAnAtomIsAChanceToo()
    {
        // The exact map with Strength 0.5 fitted on the first half of 0/1 outputs, applied to the second: the returned
        // CDFs are ½F_s + ½F_bar, so the KS is half the raw one, within the two-sample DKW half-width at 99.9 % (twice:
        // the fit's own sampling error is of the same order). A geodesic half step would leave the raw KS.
        var s = GuardAtomStreams.Stream(2, 0.3, 20000, 13);
        var half = s.Outputs.Length / 2;
        var exact = ExactBarycenterCorrector<string>.Fit(s.Outputs.AsSpan(0, half), s.Groups.AsSpan(0, half), new BarycenterOptions { Strength = 0.5, Seed = 5 });
        var returned = Enumerable.Range(half, half).Select(i => exact.Apply(s.Outputs[i], s.Groups[i], i)).ToArray();
        var raw = GuardGoalsTests.MaxPairwiseKs(s.Outputs[half..], s.Groups[half..]);
        var after = GuardGoalsTests.MaxPairwiseKs(returned, s.Groups[half..]);
        var eps = DkwBound.Epsilon(s.Groups[half..].Count(g => g == "a"), 0.001);
        output.WriteLine($"raw KS {raw:0.000}, returned {after:0.000}, half the raw {raw / 2:0.000}, ε {eps:0.000}");
        Assert.InRange(after, (raw / 2) - (2 * eps), (raw / 2) + (2 * eps));
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-10)]
    [InlineData(1e-12)]
    [InlineData(1e-200)]
    [InlineData(1e100)]
    public void TheCorrectionDoesNotDependOnTheOutputsUnit(double unit)
    {
        // The tie jitter had an absolute floor (10⁻¹⁵ at the default 10⁻⁹): below about 10⁻⁹ neighbouring outputs fell in
        // one band and were taken for one atom (scaled by 10⁻¹², a gap of 0.15 was corrected by 0 outputs instead of 121,
        // found by the scout streams; with shrinkage and no-harm off the returned values differed by up to 0.032). With a
        // relative jitter a replay in another unit is the same replay scaled: equal up to rounding (10⁻⁹ of the spread).
        var random = new Random(5);
        var groups = new string[2_000];
        var y = new double[groups.Length];
        for (var i = 0; i < y.Length; i++)
        {
            groups[i] = random.NextDouble() < 0.3 ? "a" : "b";
            y[i] = 3 + (0.3 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)) + (groups[i] == "a" ? 0.15 : 0);
        }

        double[] Replay(double scale, ParityGuardOptions options)
        {
            using var guard = new ParityGuard<string>(options);
            return [.. y.Select((v, i) => guard.Apply(v * scale, groups[i]) / scale)];
        }

        foreach (var options in new[] { new ParityGuardOptions { BackgroundRebuild = false }, new ParityGuardOptions { BackgroundRebuild = false, NoHarmWhenFair = false, Shrinkage = false } })
        {
            var atUnit = Replay(1, options);
            var scaled = Replay(unit, options);
            var worst = atUnit.Zip(scaled, (a, b) => Math.Abs(a - b)).Max();
            output.WriteLine($"unit {unit:G3}, shrinkage {options.Shrinkage}: largest difference {worst:G3}, changed {atUnit.Zip(y).Count(p => p.First != p.Second)} at unit scale");
            Assert.True(worst <= 1e-9, $"largest difference {worst:G3}");
            Assert.Contains(scaled.Zip(y), p => p.First != p.Second);
        }
    }

    [Fact]
    public void AtomSnapTakesARunAsTheValueItStandsFor()
    {
        const double jitter = 1e-9;
        Assert.Equal(0, AtomSnap.Value(-1e-15, 1e-15, jitter));
        Assert.Equal(1, AtomSnap.Value(1 - 1e-9, 1 + 1e-9, jitter));
        Assert.Equal(-2.5, AtomSnap.Value(-2.5 - 2e-9, -2.5 + 1e-9, jitter));
        Assert.False(AtomSnap.HasRun([0, 0.1, 0.2, 0.3], jitter));
        // Two rankings of 1 differ by at most 2·10⁻⁹ (the band at 1); these two lie inside it.
        Assert.True(AtomSnap.HasRun([0, 1 - 0.9e-9, 1 + 0.9e-9, 2], jitter));
        Assert.False(AtomSnap.HasRun([0, 1, 1, 2], 0));
        Assert.False(AtomSnap.HasRun([0, 1, 1, 2], jitter));
        var continuous = new double[] { 0.1, 0.1, 0.1, 0.5, 0.9 };
        Assert.Same(continuous, AtomSnap.ForTargets([continuous], jitter)[0]);
        Assert.Equal(0.1 + 0.2, AtomSnap.Value(0.1 + 0.2, 0.1 + 0.2, jitter));
        var sums = AtomSnap.ForTargets([[0, 1 - 1e-9, 1, 1 + 1e-9, 2], [0, 0.5, 1, 1.5, 2], null], jitter);
        Assert.Equal([0, 1, 1, 1, 2], sums[0]!);
        Assert.Equal([0, 0.5, 1, 1.5, 2], sums[1]!);
        Assert.Null(sums[2]);
    }
}
