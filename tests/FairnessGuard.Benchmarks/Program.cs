using BenchmarkDotNet.Running;

namespace FairnessGuard.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*'</c>.
/// Every benchmark class in this assembly is listed by the switcher; see docs/benchmarks.md for the
/// recorded tables and the exact commands that produced them.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
