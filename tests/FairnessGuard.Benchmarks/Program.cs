using System.Globalization;
using BenchmarkDotNet.Running;
using FairnessGuard.Benchmarks.Guard;

namespace FairnessGuard.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*'</c>.
/// Every benchmark class in this assembly is listed by the switcher; see docs/benchmarks.md for the
/// recorded tables and the exact commands that produced them. <c>-- memory [updates]</c> runs the guard
/// memory probe instead.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "memory")
        {
            GuardMemoryProbe.Run(args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100_000_000);
            return;
        }

        // `-- --write-analyzer-project DIR [--without-findings]` writes the generated analyzer benchmark
        // project for `dotnet build -p:ReportAnalyzer=true` (docs/benchmarks-analyzers.md).
        if (args.Length >= 2 && args[0] == "--write-analyzer-project")
        {
            var analyzer = typeof(FairnessGuard.Analyzers.FeatureSelectionAnalyzer).Assembly.Location;
            Analyzers.GeneratedProject.WriteTo(args[1], analyzer, typeof(DemographicParityAttribute).Assembly.Location, withFindings: !args.Contains("--without-findings"));
            return;
        }

        // `-- --write-samples-project DIR [ANALYZER.dll]` writes the ML.NET-samples-like project (docs/benchmarks-analyzers.md).
        if (args.Length >= 2 && args[0] == "--write-samples-project")
        {
            Analyzers.SamplesProject.WriteTo(args[1], args.Length > 2 ? Path.GetFullPath(args[2]) : typeof(FairnessGuard.Analyzers.FeatureSelectionAnalyzer).Assembly.Location);
            return;
        }

        if (args.Length > 0 && args[0] == "analyzer-telemetry")
        {
            var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
            var project = positional.FirstOrDefault(a => !char.IsDigit(a[0])) ?? "generated";
            var rounds = positional.Where(a => char.IsDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);
            Analyzers.AnalyzerTelemetryProbe.Run(project, withFindings: !args.Contains("--without-findings"), rounds);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
