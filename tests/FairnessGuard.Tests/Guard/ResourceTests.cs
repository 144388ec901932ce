using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

public class ResourceTests
{
    [Fact]
    public void ApplyAllocatesNothingOnTheCallingThread()
    {
        // Rebuilds run on the thread pool (they allocate there, off the prediction path); none is due while
        // measuring. The sketches only grow when a level is added, O(log n) times; at 10⁶ samples per group the
        // next level is far away.
        var options = new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue };
        using var guard = new ParityGuard<int>(options);
        var random = new Random(2);
        for (var i = 0; i < 2_000_000; i++)
        {
            guard.Apply(random.NextDouble() + (i & 1), i & 1);
        }

        guard.RebuildNow();
        Assert.True(guard.IsCorrecting);
        // The measured calls come from the same stream as the training ones: the steady state. A group whose outputs
        // suddenly moved would be a drift (DriftRestartAllocatesNothingOnTheCallingThread).
        var inputs = Enumerable.Range(0, 20_000).Select(i => random.NextDouble() + (i & 1)).ToArray();
        long Measure() => AllocatedByCalls(guard, inputs);

        // A per-call allocation would show in every round (≥ 20,000 × 24 bytes); the runtime's own one-off
        // work on this thread (tiering up the loop, say) can show in one round, so the quietest round counts.
        var rounds = new[] { Measure(), Measure(), Measure() };
        Assert.Equal(0, rounds.Min());
    }

    [Fact]
    public void DriftRestartAllocatesNothingOnTheCallingThread()
    {
        // A drift restart runs inside a drain, on the calling thread: it empties the group's sketches in place, its
        // test window was allocated with the map's reference (off the prediction path), and the rebuild it calls
        // for goes to the thread pool (150,000 samples per group put every build past the inline limit).
        long Round(out long restarts)
        {
            using var guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue });
            var random = new Random(5);
            for (var i = 0; i < 300_000; i++)
            {
                guard.Apply(random.NextDouble() + (i & 1), i & 1);
            }

            guard.RebuildNow();
            Assert.True(guard.IsCorrecting);
            Assert.Equal(0, guard.Counts.DriftRestarts);

            // Group 1's outputs shift by +1 once its map exists. Past its floor the detector sees 1 in 16 of its calls,
            // so the two windows (2 × 128) that suspect and confirm the change take ≈ 4,100 of its 10,000 calls;
            // the rest follow the restart (at full rate, every call drained: the group is eager again).
            var inputs = new double[20_000];
            for (var i = 0; i < inputs.Length; i++)
            {
                inputs[i] = random.NextDouble() + (2 * (i & 1));
            }

            var allocated = AllocatedByCalls(guard, inputs);
            restarts = guard.Counts.DriftRestarts;
            return allocated;
        }

        // Three guards, each restarted by the same drift: an allocation per restart would show in every round; the
        // runtime's one-off work on this thread (compiling the drift path, tiering up) can show in the first.
        var rounds = new long[3];
        for (var r = 0; r < rounds.Length; r++)
        {
            rounds[r] = Round(out var restarts);
            Assert.Equal(1, restarts);
        }

        Assert.Equal(0, rounds.Min());
    }

    [Fact]
    public void MemoryPerGroupStaysBoundedWhateverTheStreamLength()
    {
        using var guard = new ParityGuard<int>(new ParityGuardOptions { BackgroundRebuild = false, RebuildInterval = null, RebuildEvery = 1 << 20 });
        var random = new Random(3);
        long after1M = 0;
        for (var i = 1; i <= 4_000_000; i++)
        {
            guard.Apply(random.NextDouble(), 0);
            if (i == 1_000_000)
            {
                after1M = guard.GetReport().EstimatedBytes;
            }
        }

        var after4M = guard.GetReport().EstimatedBytes;

        // Raw sketch (k = 1000) + returned sketch (k = 200) + one intake stripe per core: O(k + log n),
        // within the 32 KB per group of the design.
        Assert.True(after4M <= 32 * 1024, $"{after4M} bytes for one group");

        // O(k + log n): each doubling of what a sketch holds adds one level of at most a few hundred items for
        // k = 1,000 (a store of the stream would grow by 24 MB over these 3·10⁶ samples).
        Assert.True(after4M - after1M <= 4096, $"grew {after4M - after1M} bytes from 1M to 4M samples");
    }

    // Bytes allocated on this thread by one call per input, row i in group i & 1.
    private static long AllocatedByCalls(ParityGuard<int> guard, double[] inputs)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        double sink = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            sink += guard.Apply(inputs[i], i & 1);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        return allocated;
    }
}
