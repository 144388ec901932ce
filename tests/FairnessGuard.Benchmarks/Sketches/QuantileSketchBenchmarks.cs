using BenchmarkDotNet.Attributes;
using FairnessGuard.Sketches;

namespace FairnessGuard.Benchmarks.Sketches;

/// <summary>
/// Costs of the sketch operations the guard uses, on k = 200 sketches of 10^6 normal items.
/// Merge mutates, so it is measured together with a Clone; subtract the Clone row for the merge alone.
/// GetSortedView is cached until the next write, so its row pays one Update to force a rebuild.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QuantileSketchBenchmarks
{
    private const int Batch = 4096;
    private const int Items = 1_000_000;

    private readonly double[] _values = new double[Batch];
    private QuantileSketch _streaming = null!;
    private QuantileSketch _left = null!;
    private QuantileSketch _right = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < Batch; i++)
        {
            _values[i] = Normal(random);
        }

        _streaming = Fill(new QuantileSketch(seed: 1), random);
        _left = Fill(new QuantileSketch(seed: 2), random);
        _right = Fill(new QuantileSketch(seed: 3), random);
        _left.GetSortedView();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Update()
    {
        var sketch = _streaming;
        foreach (var x in _values)
        {
            sketch.Update(x);
        }
    }

    [Benchmark]
    public double GetRank() => _left.GetRank(_values[_next++ & (Batch - 1)]);

    [Benchmark]
    public double GetQuantile() => _left.GetQuantile((_next++ & (Batch - 1)) / (double)Batch);

    [Benchmark]
    public QuantileSketch Clone() => _left.Clone();

    [Benchmark]
    public QuantileSketch CloneAndMerge()
    {
        var merged = _left.Clone();
        merged.Merge(_right);
        return merged;
    }

    [Benchmark]
    public SortedView UpdateAndGetSortedView()
    {
        _right.Update(_values[_next++ & (Batch - 1)]);
        return _right.GetSortedView();
    }

    [Benchmark]
    public byte[] Serialize() => _left.Serialize();

    private static QuantileSketch Fill(QuantileSketch sketch, Random random)
    {
        for (var i = 0; i < Items; i++)
        {
            sketch.Update(Normal(random));
        }

        return sketch;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
