using FairnessGuard.Correction;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// With many groups a map build splits the groups' captures and grids over two cores, and a review runs the raw and
/// the returned sweep side by side (<see cref="TwoCores"/>). Each part writes only its own slots, so the published
/// grids and the report's figures must equal, bit for bit, those computed now on one thread from fresh captures.
/// </summary>
public class GuardTwoCoresTests
{
    private const int Groups = 128;

    [Fact]
    public void SplitBuildsAndSweepsEqualOneThreadComputations()
    {
        var options = new ParityGuardOptions { RebuildGrowth = 0, RebuildEvery = int.MaxValue, RebuildInterval = null, DriftDetection = false, MaxGroups = Groups + 8, Thresholds = [0.5] };
        using var guard = new ParityGuard<int>(options);
        var random = new Random(21);
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < Groups * 300; i++)
            {
                var g = i % Groups;
                guard.Apply(random.NextDouble() + (0.004 * g), g);
            }

            guard.RebuildNow();
            guard.Flush();
            var captures = guard.GroupStates.Select(s => s.Capture(options.Confidence)).ToArray();

            // The sizes take the split paths (on a machine with two cores or more).
            Assert.True(captures.Sum(c => (long)c.Raw!.Values.Length) >= TwoCores.MinWork);
            Assert.True((long)Groups * options.Knots >= TwoCores.MinWork);

            var map = guard.CurrentMap;
            foreach (var c in captures)
            {
                var grid = new double[options.Knots];
                new GroupDistribution(c.Raw!, c.RawMin, c.RawMax, c.Samples).QuantilesOnGrid(grid);
                Assert.Equal(grid, map.Knots(c.State.Slot).ToArray());
            }

            // The barycenter: each knot summed over the groups in slot order (weights: shares of the samples), then made monotone.
            var total = (double)captures.Sum(c => c.Samples);
            var bary = new double[options.Knots];
            foreach (var c in captures)
            {
                var weight = c.Samples / total;
                var grid = map.Knots(c.State.Slot);
                for (var k = 0; k < bary.Length; k++)
                {
                    bary[k] += weight * grid[k];
                }
            }

            for (var k = 1; k < bary.Length; k++)
            {
                bary[k] = Math.Max(bary[k], bary[k - 1]);
            }

            Assert.Equal(bary, map.Targets.ToArray());

            var inPairs = ParityMonitor.InPairs(captures);
            var raw = ParitySweep.Run(captures.Select(c => c.Raw!).ToArray(), inPairs, default);
            var returned = ParitySweep.Run(captures.Select(c => c.Returned).ToArray(), inPairs, default);
            var report = guard.LastReport;
            Assert.Equal(raw.MaxPairwiseKs, report.RawKs);
            Assert.Equal(returned.MaxPairwiseKs, report.ReturnedKs);
            for (var i = 0; i < captures.Length; i++)
            {
                Assert.Equal(raw.KsToPool[i], report.Groups[i].RawKsToPool);
                Assert.Equal(raw.W1ToPool[i], report.Groups[i].RawW1ToPool);
                Assert.Equal(returned.KsToPool[i], report.Groups[i].ReturnedKsToPool);
                Assert.Equal(returned.W1ToPool[i], report.Groups[i].ReturnedW1ToPool);
            }

            Assert.True(round == 0 || report.ReturnedKs > 0);
        }
    }

    [Fact]
    public void HalvesCoverEveryIndexOnceAndFailuresWaitForTheOtherPart()
    {
        for (var count = 0; count < 50; count++)
        {
            var hits = new int[count];
            TwoCores.Halves(count, parallel: true, (from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    Interlocked.Increment(ref hits[i]);
                }
            });
            Assert.All(hits, h => Assert.Equal(1, h));
        }

        // A failing part is rethrown only once the other part has ended (it writes into the caller's arrays).
        var ended = false;
        var error = Assert.Throws<InvalidOperationException>(() => TwoCores.Both(
            parallel: true,
            () => throw new InvalidOperationException("first"),
            () =>
            {
                Thread.Sleep(50);
                Volatile.Write(ref ended, true);
            }));
        Assert.Equal("first", error.Message);
        Assert.True(Volatile.Read(ref ended));
        Assert.Throws<ArgumentException>(() => TwoCores.Both(parallel: true, () => { }, () => throw new ArgumentException("second")));
    }
}
