using BenchmarkDotNet.Attributes;
using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>
/// Issue 11's monitor goal: a rebuild (flush + capture + map build + parity review) and a fresh report at
/// 1,000 groups of 300 raw samples each (the last 150 also in the returned sketches). Goal: ≤ 50 ms each.
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*RebuildManyGroups*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GuardRebuildManyGroupsBenchmarks
{
    private ParityGuard<int> _guard = null!;

    /// <summary>The number of groups.</summary>
    [Params(1000)]
    public int Groups { get; set; }

    /// <summary>Raw samples per group: half before the first rebuild, half after it (those fill the returned sketches).</summary>
    [Params(300)]
    public int PerGroup { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue, MaxGroups = Groups + 8 });
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Groups * PerGroup / 2; i++)
            {
                var g = i % Groups;
                _guard.Apply(random.NextDouble() + (0.001 * g), g);
            }

            _guard.RebuildNow();
        }

        if (!_guard.IsCorrecting)
        {
            throw new InvalidOperationException("The guard must be correcting before measuring.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _guard.Dispose();

    /// <summary>Flush + capture every group's sketches + build the map + evaluate parity.</summary>
    [Benchmark]
    public void Rebuild() => _guard.RebuildNow();

    /// <summary>Flush + capture + evaluate parity (no map build).</summary>
    [Benchmark]
    public object Report() => _guard.GetReport();
}
