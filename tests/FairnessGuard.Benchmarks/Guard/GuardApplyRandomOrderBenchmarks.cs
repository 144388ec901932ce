using BenchmarkDotNet.Attributes;
using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>
/// Issue 11's Apply goal: the guard's overhead over a bare model call on 2²⁰ pre-generated rows in random
/// group order (not a 1,024-row loop that stays in cache), int keys, 2 and 64 groups; the guard is correcting.
/// Overhead = Guarded − Bare, per row (each invoke runs all 2²⁰ rows). Goal: ≤ 40 ns at 2 groups, ≤ 60 ns at
/// 64, 0 B per call. Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*RandomOrder*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GuardApplyRandomOrderBenchmarks
{
    private const int Rows = 1 << 20;
    private double[] _x = [];
    private int[] _keys = [];
    private ParityGuard<int> _guard = null!;

    /// <summary>The number of groups in play.</summary>
    [Params(2, 64)]
    public int Groups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _x = new double[Rows];
        _keys = new int[Rows];
        for (var i = 0; i < Rows; i++)
        {
            _x[i] = random.NextDouble();
            _keys[i] = random.Next(Groups);
        }

        _guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue });
        for (var i = 0; i < 4000 * Groups; i++)
        {
            var g = i % Groups;
            _guard.Apply(Model(random.NextDouble()) + (0.1 * g), g);
        }

        _guard.RebuildNow();
        if (!_guard.IsCorrecting)
        {
            throw new InvalidOperationException("The guard must be correcting before measuring.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _guard.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public double Bare()
    {
        double sum = 0;
        var x = _x;
        var keys = _keys;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Model(x[i]) + (0.1 * keys[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public double Guarded()
    {
        double sum = 0;
        var x = _x;
        var keys = _keys;
        for (var i = 0; i < x.Length; i++)
        {
            sum += _guard.Apply(Model(x[i]) + (0.1 * keys[i]), keys[i]);
        }

        return sum;
    }

    private static double Model(double x) => (0.8 * x) + 0.1;
}
