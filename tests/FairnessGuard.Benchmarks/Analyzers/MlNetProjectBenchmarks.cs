using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// The analyzers' share of compile time on a 160-file ML.NET-style project (<see cref="MlNetProject"/>).
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*MlNetProjectBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class MlNetProjectBenchmarks : AnalyzerShareBenchmark
{
    protected override int ExpectedFindings => MlNetProject.Findings;

    protected override CSharpCompilation CreateCompilation() => MlNetProject.Compilation();
}
