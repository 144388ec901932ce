using BenchmarkDotNet.Attributes;
using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>
/// Issue 11's monitor goal: a rebuild (flush + capture + map build + parity review) and a fresh report at
/// 1,000 groups of 300 raw samples each. Correction starts at the second rebuild of the setup, which restarts
/// the returned sketches, so they are empty here. Goal: ≤ 50 ms each. <see cref="Rebuild"/> and
/// <see cref="Report"/> see unchanged sketches (the guard reuses grids and the raw sweep);
/// <see cref="RebuildAfterNewSamples"/> gives every group one new sample first, so nothing can be reused.
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*RebuildManyGroups*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GuardRebuildManyGroupsBenchmarks
{
    private ParityGuard<int> _guard = null!;
    private Random _random = null!;

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
        // No growth trigger: the new samples of RebuildAfterNewSamples must not start builds of their own.
        _guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue, RebuildGrowth = 0, MaxGroups = Groups + 8 });
        _random = new Random(8);
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

    /// <summary>One new raw sample in every group (1,000 calls), then a rebuild: every grid and the raw sweep are recomputed.</summary>
    [Benchmark]
    public void RebuildAfterNewSamples()
    {
        for (var g = 0; g < Groups; g++)
        {
            _guard.Apply(_random.NextDouble() + (0.001 * g), g);
        }

        _guard.RebuildNow();
    }

    /// <summary>Flush + capture + evaluate parity (no map build).</summary>
    [Benchmark]
    public object Report() => _guard.GetReport();
}
