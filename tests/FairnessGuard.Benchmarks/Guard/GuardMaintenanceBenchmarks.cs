using BenchmarkDotNet.Attributes;
using FairnessGuard.Correction;
using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>Off-path work: rebuilding the barycenter map, and batch correction through the guard vs the exact batch method.</summary>
[MemoryDiagnoser]
public class GuardMaintenanceBenchmarks
{
    private const int Rows = 100_000;
    private ParityGuard<int> _guard = null!;
    private ExactBarycenterCorrector<int> _exact = null!;
    private double[] _outputs = [];
    private int[] _groups = [];
    private double[] _destination = [];

    /// <summary>The number of groups.</summary>
    [Params(2, 8, 64)]
    public int Groups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _groups = Enumerable.Range(0, Rows).Select(_ => random.Next(Groups)).ToArray();
        _outputs = _groups.Select(g => (0.1 * g) + random.NextDouble()).ToArray();
        _destination = new double[Rows];
        _guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue });
        for (var i = 0; i < 10; i++)
        {
            _guard.Apply(_outputs, _groups, _destination);
        }

        _guard.RebuildNow();
        _exact = ExactBarycenterCorrector<int>.Fit(_outputs, _groups);
    }

    [GlobalCleanup]
    public void Cleanup() => _guard.Dispose();

    /// <summary>Flush + capture every group's sketches + build the map + evaluate parity.</summary>
    [Benchmark]
    public void Rebuild() => _guard.RebuildNow();

    [Benchmark(OperationsPerInvoke = Rows)]
    public void GuardSpanBatch() => _guard.Apply(_outputs, _groups, _destination);

    [Benchmark(OperationsPerInvoke = Rows)]
    public BatchCorrectionResult ExactSpanBatch() => _exact.Apply(_outputs, _groups, _destination);
}
