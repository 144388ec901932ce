using FairnessGuard.Guard;

namespace FairnessGuard.Benchmarks.Guard;

/// <summary>
/// Not a timing benchmark: streams 10⁸ outputs through one guard (2 groups) and prints the bytes held per
/// group. Run with <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- memory [updates]</c>.
/// </summary>
public static class GuardMemoryProbe
{
    public static void Run(long updates)
    {
        using var guard = new ParityGuard<int>(new ParityGuardOptions { RebuildInterval = null, RebuildEvery = int.MaxValue });
        var random = new Random(7);
        var checkpoints = new List<long> { 1_000_000, 10_000_000, updates };
        for (long i = 1; i <= updates; i++)
        {
            guard.Apply(random.NextDouble() + (i & 1), (int)(i & 1));
            if (checkpoints.Contains(i))
            {
                var report = guard.GetReport();
                Console.WriteLine($"after {i:N0} updates: {report.EstimatedBytes / (double)report.Groups.Count:N0} bytes per group ({report.Groups.Count} groups, {report.Groups.Sum(g => g.Samples):N0} samples, {guard.Counts.DriftRestarts} drift restarts)");
            }
        }
    }
}
