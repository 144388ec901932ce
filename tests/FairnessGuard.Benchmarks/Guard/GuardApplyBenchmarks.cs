using BenchmarkDotNet.Attributes;
using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>
/// The guard's overhead per prediction: a tiny linear model called bare (the baseline) and through
/// <see cref="ParityGuard{TGroup}.Apply(double, TGroup)"/>, with string and enum-like int keys.
/// Overhead = Guarded − Bare, per call (each invoke runs <see cref="Batch"/> calls).
/// </summary>
[MemoryDiagnoser]
public class GuardApplyBenchmarks
{
    private const int Batch = 1024;
    private readonly double[] _x = new double[Batch];
    private string[] _stringKeys = [];
    private int[] _intKeys = [];
    private ParityGuard<string> _stringGuard = null!;
    private ParityGuard<int> _intGuard = null!;

    /// <summary>The number of groups in play.</summary>
    [Params(2, 8, 64)]
    public int Groups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _intKeys = new int[Batch];
        _stringKeys = new string[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _x[i] = random.NextDouble();
            _intKeys[i] = random.Next(Groups);
            _stringKeys[i] = "group-" + _intKeys[i];
        }

        var options = new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue };
        _stringGuard = new ParityGuard<string>(options);
        _intGuard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue });
        for (var i = 0; i < 2000 * Groups; i++)
        {
            var g = i % Groups;
            var y = Model(random.NextDouble()) + (0.1 * g);
            _stringGuard.Apply(y, "group-" + g);
            _intGuard.Apply(y, g);
        }

        _stringGuard.RebuildNow();
        _intGuard.RebuildNow();
        if (!_stringGuard.IsCorrecting || !_intGuard.IsCorrecting)
        {
            throw new InvalidOperationException("The guards must be correcting before measuring.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stringGuard.Dispose();
        _intGuard.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public double Bare()
    {
        double sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Model(_x[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double GuardedStringKey()
    {
        double sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _stringGuard.Apply(Model(_x[i]), _stringKeys[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double GuardedIntKey()
    {
        double sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _intGuard.Apply(Model(_x[i]), _intKeys[i]);
        }

        return sum;
    }

    // A logistic score: the kind of cheap model call the guard wraps.
    private static double Model(double x) => 1 / (1 + Math.Exp(-((1.7 * x) - 0.4)));
}
