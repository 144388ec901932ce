using BenchmarkDotNet.Attributes;
using FairnessGuard.Correction;

namespace FairnessGuard.Benchmarks.Correction;

/// <summary>The exact (batch) barycenter correction: fit, batch apply per row, one-row apply.</summary>
[MemoryDiagnoser]
public class ExactCorrectionBenchmarks
{
    private double[] _outputs = [];
    private int[] _groups = [];
    private double[] _destination = [];
    private ExactBarycenterCorrector<int> _corrector = null!;

    /// <summary>The number of groups.</summary>
    [Params(2, 8, 64)]
    public int Groups { get; set; }

    /// <summary>Rows of calibration and of the batch.</summary>
    public const int Rows = 100_000;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _groups = Enumerable.Range(0, Rows).Select(_ => random.Next(Groups)).ToArray();
        _outputs = _groups.Select(g => (g * 0.1) + random.NextDouble()).ToArray();
        _destination = new double[Rows];
        _corrector = ExactBarycenterCorrector<int>.Fit(_outputs, _groups);
    }

    [Benchmark]
    public ExactBarycenterCorrector<int> Fit() => ExactBarycenterCorrector<int>.Fit(_outputs, _groups);

    [Benchmark(OperationsPerInvoke = Rows)]
    public BatchCorrectionResult ApplyBatch() => _corrector.Apply(_outputs, _groups, _destination);

    [Benchmark]
    public double ApplyOneRow() => _corrector.Apply(_outputs[123], _groups[123], 123);
}
