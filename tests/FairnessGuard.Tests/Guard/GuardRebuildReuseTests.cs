using FairnessGuard.Correction;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// A rebuild reuses a group's grid while its raw sketches are unchanged, and a report reuses the raw sweep while
/// no group's raw sketches changed. Both must be invisible: a guard that rebuilds again and again returns, bit for
/// bit, the outputs and the report figures of a twin that rebuilds only when told to, including after one group
/// alone gets new samples (its grid is recomputed, the others' are reused).
/// </summary>
public class GuardRebuildReuseTests
{
    private static readonly IReadOnlyList<double> None = Array.Empty<double>();
    private static readonly IReadOnlyList<GroupParity> NoGroups = Array.Empty<GroupParity>();

    [Fact]
    public void ReusedGridsAndSweepsGiveTheSameOutputsAndReportsAsFreshOnes()
    {
        // Only explicit rebuilds, and no drift detector (a rebuild restarts its window by design).
        var options = new ParityGuardOptions { RebuildGrowth = 0, RebuildEvery = int.MaxValue, RebuildInterval = null, DriftDetection = false, Thresholds = [0.3, 0.6] };
        using var reusing = new ParityGuard<int>(options);
        using var fresh = new ParityGuard<int>(options);
        var random = new Random(5);

        Feed(reusing, fresh, random, 1800, group: null);
        reusing.RebuildNow();
        reusing.RebuildNow();
        fresh.RebuildNow();
        Same(fresh.LastReport, reusing.LastReport);
        Feed(reusing, fresh, random, 900, group: null);

        reusing.RebuildNow();
        fresh.RebuildNow();
        reusing.RebuildNow();
        Same(fresh.LastReport, reusing.LastReport);
        Same(fresh.GetReport(), reusing.GetReport());
        Feed(reusing, fresh, random, 900, group: null);

        // One group alone moves: its grid is recomputed, the two others are reused.
        reusing.RebuildNow();
        fresh.RebuildNow();
        reusing.RebuildNow();
        Feed(reusing, fresh, random, 400, group: 0);
        reusing.RebuildNow();
        fresh.RebuildNow();
        Same(fresh.LastReport, reusing.LastReport);
        Assert.True(reusing.IsCorrecting);
        Feed(reusing, fresh, random, 900, group: null);
        Same(fresh.GetReport(), reusing.GetReport());
    }

    [Fact]
    public void ReusedGridsAndRawFiguresEqualAFreshComputation()
    {
        var options = new ParityGuardOptions { RebuildGrowth = 0, RebuildEvery = int.MaxValue, RebuildInterval = null, DriftDetection = false };
        using var guard = new ParityGuard<int>(options);
        var random = new Random(9);
        Feed(guard, random, 2400, group: null);
        guard.RebuildNow();
        guard.RebuildNow();
        FreshEqualsPublished(guard);

        // Only group 0 moves: its grid and the raw figures must follow, the others' grids are reused.
        Feed(guard, random, 300, group: 0);
        guard.RebuildNow();
        FreshEqualsPublished(guard);
        // A report without a rebuild: the raw figures follow group 2's new samples (the map is not rebuilt).
        Feed(guard, random, 300, group: 2);
        guard.GetReport();
        FreshEqualsPublished(guard, mapIsCurrent: false);
    }

    [Fact]
    public void AReviewTakingTheBuildsRawViewsGivesTheFiguresOfFreshCaptures()
    {
        // Every group moves before each rebuild, so nothing is reused: the review after the build takes the raw
        // views the build made (one sort per group), and its figures must be those of views taken now.
        var options = new ParityGuardOptions { RebuildGrowth = 0, RebuildEvery = int.MaxValue, RebuildInterval = null, DriftDetection = false, Thresholds = [0.4, 0.9] };
        using var guard = new ParityGuard<int>(options);
        var random = new Random(11);
        for (var round = 0; round < 3; round++)
        {
            Feed(guard, random, 1500, group: null);
            guard.RebuildNow();
            var captures = guard.GroupStates.Select(s => s.Capture(options.Confidence)).ToArray();
            var sweep = ParitySweep.Run(captures.Select(c => c.Raw!).ToArray(), ParityMonitor.InPairs(captures), default);
            var report = guard.LastReport;
            Assert.Equal(sweep.MaxPairwiseKs, report.RawKs);
            for (var i = 0; i < captures.Length; i++)
            {
                Assert.Equal(sweep.KsToPool[i], report.Groups[i].RawKsToPool);
                Assert.Equal(sweep.W1ToPool[i], report.Groups[i].RawW1ToPool);
                Assert.Equal(RawSweepMemo.Rates(captures[i].Raw!, options.Thresholds), report.Groups[i].RawSelectionRates);
            }
        }
    }

    // The map's grids and the report's raw figures against grids and a sweep computed now from full captures.
    private static void FreshEqualsPublished(ParityGuard<int> guard, bool mapIsCurrent = true)
    {
        guard.Flush();
        var map = guard.CurrentMap;
        var captures = guard.GroupStates.Select(s => s.Capture(guard.Options.Confidence)).ToArray();
        foreach (var c in mapIsCurrent ? captures : [])
        {
            Assert.True(map.IsActive(c.State.Slot));
            var grid = new double[guard.Options.Knots];
            new GroupDistribution(c.Raw!, c.RawMin, c.RawMax, c.Samples).QuantilesOnGrid(grid);
            Assert.Equal(grid, map.Knots(c.State.Slot).ToArray());
        }

        var report = guard.GetReport();
        var sweep = ParitySweep.Run(captures.Select(c => c.Raw!).ToArray(), ParityMonitor.InPairs(captures), default);
        Assert.Equal(sweep.MaxPairwiseKs, report.RawKs);
        for (var i = 0; i < captures.Length; i++)
        {
            Assert.Equal(sweep.KsToPool[i], report.Groups[i].RawKsToPool);
            Assert.Equal(sweep.W1ToPool[i], report.Groups[i].RawW1ToPool);
        }
    }

    private static void Feed(ParityGuard<int> guard, Random random, int rows, int? group)
    {
        for (var i = 0; i < rows; i++)
        {
            var g = group ?? (i % 3);
            guard.Apply((random.NextDouble() * (1 + (0.5 * g))) + (0.2 * g), g);
        }
    }

    // The same rows to both guards; every returned output must be the same double.
    private static void Feed(ParityGuard<int> a, ParityGuard<int> b, Random random, int rows, int? group)
    {
        for (var i = 0; i < rows; i++)
        {
            var g = group ?? (i % 3);
            var y = (random.NextDouble() * (1 + (0.5 * g))) + (0.2 * g);
            Assert.Equal(b.Apply(y, g), a.Apply(y, g));
        }
    }

    // Every figure of the two reports; the lists (compared by reference in a record) element by element.
    private static void Same(GuardReport expected, GuardReport actual)
    {
        Assert.Equal(Bare(expected), Bare(actual));
        Assert.Equal(expected.Groups.Count, actual.Groups.Count);
        for (var i = 0; i < expected.Groups.Count; i++)
        {
            var (e, a) = (expected.Groups[i], actual.Groups[i]);
            Assert.Equal(e with { RawSelectionRates = None, ReturnedSelectionRates = None }, a with { RawSelectionRates = None, ReturnedSelectionRates = None });
            Assert.Equal(e.RawSelectionRates, a.RawSelectionRates);
            Assert.Equal(e.ReturnedSelectionRates, a.ReturnedSelectionRates);
        }
    }

    // The version and time differ by design (one guard rebuilt more often).
    private static GuardReport Bare(GuardReport r) => r with { Timestamp = default, MapVersion = 0, Groups = NoGroups, Thresholds = None };
}
