using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// Full compilation diagnostics of the generated 400-file / 10,000-method project with the FairnessGuard
/// analyzers versus an empty analyzer (the NetAnalyzers benchmark shape). Each operation starts from a
/// fresh clone of the compilation, so nothing bound by a previous run is reused.
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*AnalyzerBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _empty;
    private ImmutableArray<DiagnosticAnalyzer> _fairness;

    /// <summary>With findings: one FG0001 per file. Without: every model call carries a policy, nothing is reported.</summary>
    [Params(false, true)]
    public bool WithFindings { get; set; }

    /// <summary>Diagnostics reported by the FairnessGuard run (checked once at setup).</summary>
    public int Reported { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratedProject.Compilation(WithFindings);
        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        _fairness = ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer());
        Reported = Run(_fairness).Result.Count(d => d.Id.StartsWith("FG", StringComparison.Ordinal));
        var expected = WithFindings ? GeneratedProject.Files : 0;
        if (Reported != expected)
        {
            throw new InvalidOperationException($"Expected {expected} FairnessGuard diagnostics, got {Reported}.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<ImmutableArray<Diagnostic>> EmptyAnalyzer() => Run(_empty);

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> FairnessGuardAnalyzers() => Run(_fairness);

    private Task<ImmutableArray<Diagnostic>> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.Clone().WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
}
