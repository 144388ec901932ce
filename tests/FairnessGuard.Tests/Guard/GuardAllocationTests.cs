using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Issue 11's "0 B per call": once the guard is warm and correcting, <see cref="ParityGuard{TGroup}.Apply(double, TGroup)"/>
/// allocates nothing on the calling thread, whatever the group order. Counted in bytes, not timed.
/// </summary>
public class GuardAllocationTests
{
    private const int Groups = 64;

    /// <summary>
    /// 64 groups in random order (the benchmark's setting). Everything that may allocate besides the call itself
    /// is kept out of the measured window, each for a stated reason: sketch growth (a KLL sketch allocates a new
    /// buffer when it adds a level, O(log n) times in all — here k exceeds every group's count, so level 0 never
    /// compacts), map rebuilds (a new immutable map per rebuild, O(groups × knots); here no trigger fires: growth
    /// off, count and time triggers off, drift detection off) and inline rebuilds (run on the calling thread, so
    /// they would be counted). The window must then allocate exactly 0 bytes.
    /// </summary>
    [Fact]
    public void ApplyAllocatesNothingPerCallAtSixtyFourGroupsInRandomOrder()
    {
        using var guard = new ParityGuard<int>(new ParityGuardOptions
        {
            SketchK = 16_384,
            MonitorSketchK = 16_384,
            RebuildGrowth = 0,
            RebuildEvery = int.MaxValue,
            RebuildInterval = null,
            DriftDetection = false,
            BackgroundRebuild = false,
        });
        var random = new Random(11);
        for (var i = 0; i < 4000 * Groups; i++)
        {
            var g = i % Groups;
            guard.Apply(random.NextDouble() + (0.1 * g), g);
        }

        guard.RebuildNow();
        Assert.True(guard.IsCorrecting);
        var rows = 1 << 17;
        var x = new double[rows];
        var keys = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = random.NextDouble();
            keys[i] = random.Next(Groups);
        }

        // One pass first: every group's stripe for this thread exists and its buffer has cycled.
        double sum = Pass(guard, x, keys);
        var version = guard.MapVersion;
        var before = GC.GetAllocatedBytesForCurrentThread();
        sum += Pass(guard, x, keys);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(version, guard.MapVersion);
        Assert.True(guard.Counts.Changed > rows / 2, $"the guard must be correcting ({guard.Counts.Changed} changed)");
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }

    private static double Pass(ParityGuard<int> guard, double[] x, int[] keys)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += guard.Apply((0.8 * x[i]) + 0.1 + (0.1 * keys[i]), keys[i]);
        }

        return sum;
    }
}
