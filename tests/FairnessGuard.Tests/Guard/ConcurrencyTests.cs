using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

public class ConcurrencyTests
{
    [Fact]
    public void ManyThreadsWhileMapsRebuildLoseNoCountAndEndLikeASequentialRun()
    {
        const int threads = 8;
        const int perThread = 40_000;
        static (double Y, string G) Row(int thread, int i)
        {
            var g = ((thread * 7) + i) % 5 == 0 ? "minority" : "majority";
            var y = i % 997 == 0 ? double.NaN : ((i * 0.618034) % 1) + (g == "minority" ? 0.5 : 0);
            return (y, g);
        }

        var options = new ParityGuardOptions { RebuildEvery = 512, RebuildInterval = TimeSpan.FromMilliseconds(1), WarmUp = 50 };
        using var concurrent = new ParityGuard<string>(options);
        var failures = 0;
        var explicitRebuilds = 0;
        var running = threads;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                // Half-way, wait until rebuilds have run: the second half of the calls races them for sure,
                // however the threads happen to be scheduled.
                if (i == perThread / 2)
                {
                    SpinWait.SpinUntil(() => Volatile.Read(ref explicitRebuilds) >= 2, TimeSpan.FromSeconds(60));
                }

                var (y, g) = Row(t, i);
                var r = concurrent.Apply(y, g);
                if (double.IsFinite(y) != double.IsFinite(r))
                {
                    Interlocked.Increment(ref failures);
                }
            }

            Interlocked.Decrement(ref running);
        })).ToList();

        // Explicit rebuilds (with their flushes) race the callers besides the guard's own background ones.
        var rebuilder = new Thread(() =>
        {
            while (Volatile.Read(ref running) > 0)
            {
                concurrent.RebuildNow();
                Interlocked.Increment(ref explicitRebuilds);
            }
        });
        workers.ForEach(w => w.Start());
        rebuilder.Start();
        workers.ForEach(w => w.Join());
        rebuilder.Join();
        concurrent.Flush();

        using var sequential = new ParityGuard<string>(new ParityGuardOptions { BackgroundRebuild = false, WarmUp = 50 });
        for (var t = 0; t < threads; t++)
        {
            for (var i = 0; i < perThread; i++)
            {
                var (y, g) = Row(t, i);
                sequential.Apply(y, g);
            }
        }

        Assert.Equal(0, failures);
        Assert.Equal(0, concurrent.FaultCount);
        Assert.True(explicitRebuilds >= 2, $"only {explicitRebuilds} rebuilds ran while threads were calling");
        static IEnumerable<(string, long, long, long)> Counts(ParityGuard<string> guard) =>
            guard.GetReport().Groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => (g.Group, g.Predictions, g.Samples, g.NonFinite));
        Assert.Equal(Counts(sequential), Counts(concurrent));
        Assert.Equal(threads * perThread, concurrent.GetReport().Groups.Sum(g => g.Predictions));
    }
}
