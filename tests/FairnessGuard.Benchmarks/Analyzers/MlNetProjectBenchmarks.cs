using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// The analyzers' share of compile time on a 160-file ML.NET-style project (<see cref="MlNetProject"/>):
/// the compiler's diagnostics alone, with an empty analyzer, and with the FairnessGuard analyzers, each on a
/// fresh clone of the compilation.
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*MlNetProjectBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class MlNetProjectBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _empty;
    private ImmutableArray<DiagnosticAnalyzer> _fairness;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = MlNetProject.Compilation();
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated project does not compile: " + string.Join("\n", errors.Take(5)));
        }

        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        _fairness = ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer());
        var reported = Run(_fairness).Result.Count(d => d.Id == RuleIdentifiers.SensitiveAttributeDropped);
        if (reported != MlNetProject.Findings)
        {
            throw new InvalidOperationException($"Expected {MlNetProject.Findings} FG0001, got {reported}.");
        }
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> Compile() => _compilation.Clone().GetDiagnostics();

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> EmptyAnalyzer() => Run(_empty);

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> FairnessGuardAnalyzers() => Run(_fairness);

    private Task<ImmutableArray<Diagnostic>> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.Clone().WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
}
