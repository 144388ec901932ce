using FairnessGuard.Guard;

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
