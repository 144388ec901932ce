using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// The analyzers' cost against the compiler's on one compilation: <c>Compile</c> is the compiler's own
/// diagnostics (the baseline), the analyzer runs add the analyzers' diagnostics; each operation starts from
/// a fresh clone of the compilation, so nothing bound by a previous run is reused.
/// </summary>
public abstract class AnalyzerShareBenchmark
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _empty;
    private ImmutableArray<DiagnosticAnalyzer> _fairness;

    /// <summary>The FG0001 findings the setup checks for, so a benchmark never times a run that found nothing.</summary>
    protected abstract int ExpectedFindings { get; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation();
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated source does not compile: " + string.Join("\n", errors.Take(5)));
        }

        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        _fairness = ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer());
        var reported = Run(_fairness).Result.Count(d => d.Id == RuleIdentifiers.SensitiveAttributeDropped);
        if (reported != ExpectedFindings)
        {
            throw new InvalidOperationException($"Expected {ExpectedFindings} FG0001, got {reported}.");
        }
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> Compile() => _compilation.Clone().GetDiagnostics();

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> EmptyAnalyzer() => Run(_empty);

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> FairnessGuardAnalyzers() => Run(_fairness);

    protected abstract CSharpCompilation CreateCompilation();

    private Task<ImmutableArray<Diagnostic>> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.Clone().WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
}
