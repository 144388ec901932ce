using BenchmarkDotNet.Attributes;
using FairnessGuard.Correction;

namespace FairnessGuard.Benchmarks.Correction;

/// <summary>Issue 16's goal for the exact corrector: fit on 1M calibration rows and apply to the same 1M rows, per row (≤ 150 ns).</summary>
[MemoryDiagnoser]
public class ExactCorrectionScaleBenchmarks
{
    /// <summary>Rows of calibration and of the batch.</summary>
    public const int Rows = 1_000_000;

    private double[] _outputs = [];
    private string[] _groups = [];
    private double[] _destination = [];

    /// <summary>The number of groups.</summary>
    [Params(4)]
    public int Groups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var names = Enumerable.Range(0, Groups).Select(g => $"group-{g}").ToArray();
        var codes = Enumerable.Range(0, Rows).Select(_ => random.Next(Groups)).ToArray();
        _groups = codes.Select(g => names[g]).ToArray();
        _outputs = codes.Select(g => Math.Round((g * 0.1) + random.NextDouble(), 6)).ToArray();
        _destination = new double[Rows];
    }

    /// <summary>Fit and apply, per row.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public BatchCorrectionResult FitAndApply() => ExactBarycenterCorrector<string>.Fit(_outputs, _groups).Apply(_outputs, _groups, _destination);

    /// <summary>The same fit and correction through the fused in-sample path (bit-identical results), per row.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public int FusedFitAndApply() => ExactBarycenterCorrector<string>.FitAndApply(_outputs, _groups, _destination).ExcludedNonFinite;
}
