using BenchmarkDotNet.Attributes;
using FairnessGuard.Sketches;

namespace FairnessGuard.Benchmarks.Sketches;

/// <summary>
/// The memory goal (&lt;= 32 KB per group after 10^8 updates): the setup streams 10^8 items into a k = 200
/// sketch and prints its EstimatedBytes, levels and retained items (see the run log); the benchmark then
/// times one more Update on that 10^8 sketch.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QuantileSketchMemoryBenchmarks
{
    private const long Items = 100_000_000;
    private QuantileSketch _sketch = null!;
    private double _next;

    [GlobalSetup]
    public void Setup()
    {
        _sketch = new QuantileSketch(QuantileSketch.DefaultK, seed: 7);
        var random = new Random(7);
        for (long i = 0; i < Items; i++)
        {
            _sketch.Update(random.NextDouble());
        }

        Console.WriteLine($"// SKETCH MEMORY: n = {_sketch.Count:N0}, k = {_sketch.K}, EstimatedBytes = {_sketch.EstimatedBytes:N0}, " +
            $"retained = {_sketch.RetainedItems}, bound(99%) = {_sketch.GetRankErrorBound(0.99):F5}, ε = {_sketch.NormalizedRankError:F5}");
        _sketch.GetSortedView();
        Console.WriteLine($"// SKETCH MEMORY with cached sorted view: EstimatedBytes = {_sketch.EstimatedBytes:N0}");
    }

    [Benchmark]
    public void UpdateAfter1e8()
    {
        _next += 0.618033988749895;
        _sketch.Update(_next - Math.Floor(_next));
    }
}
