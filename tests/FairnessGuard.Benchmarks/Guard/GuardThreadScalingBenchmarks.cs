using BenchmarkDotNet.Attributes;
using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>
/// Throughput with 1 and 2 calling threads, each making <see cref="CallsPerThread"/> calls over 8 groups.
/// Throughput ratio = 2 · time(1 thread) / time(2 threads).
/// </summary>
public class GuardThreadScalingBenchmarks
{
    private const int CallsPerThread = 1 << 20;
    private ParityGuard<int> _guard = null!;
    private double[] _x = [];

    /// <summary>Calling threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _x = Enumerable.Range(0, 4096).Select(_ => random.NextDouble()).ToArray();
        _guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue });
        for (var i = 0; i < 100_000; i++)
        {
            _guard.Apply(random.NextDouble() + (0.1 * (i & 7)), i & 7);
        }

        _guard.RebuildNow();
    }

    [GlobalCleanup]
    public void Cleanup() => _guard.Dispose();

    [Benchmark]
    public void Calls()
    {
        var threads = new Thread[Threads];
        for (var t = 0; t < threads.Length; t++)
        {
            var offset = t * 131;
            threads[t] = new Thread(() =>
            {
                double sum = 0;
                for (var i = 0; i < CallsPerThread; i++)
                {
                    sum += _guard.Apply(_x[(i + offset) & 4095], (i + offset) & 7);
                }

                GC.KeepAlive(sum);
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
