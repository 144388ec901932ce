using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// In-process analyzer telemetry on the generated project: the driver's per-analyzer execution time (what
/// <c>-p:ReportAnalyzer=true</c> prints) and the wall time of a full diagnostics run, over several rounds.
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- analyzer-telemetry [--without-findings] [rounds]</c>.
/// </summary>
public static class AnalyzerTelemetryProbe
{
    public static void Run(bool withFindings, int rounds)
    {
        var compilation = GeneratedProject.Compilation(withFindings);
        var fairness = ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer());
        for (var round = 0; round < rounds; round++)
        {
            var (wall, times, reported) = Measure(compilation, fairness);
            var perAnalyzer = string.Join(", ", times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Time.TotalMilliseconds:F0} ms")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {wall.TotalSeconds:F2} s, reported {reported}, {perAnalyzer}"));
        }
    }

    // Sequential analysis: the callbacks' wall time is then not inflated by the compiler's own threads.
    private static (TimeSpan Wall, List<(string Name, TimeSpan Time)> Times, int Reported) Measure(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var watch = Stopwatch.StartNew();
        var run = compilation.Clone().WithAnalyzers(analyzers, options);
        var diagnostics = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        watch.Stop();
        var times = analyzers.Select(a => (a.GetType().Name, Telemetry(run, a))).ToList();
        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } crash)
        {
            throw new InvalidOperationException(crash.ToString());
        }

        return (watch.Elapsed, times, diagnostics.Count(d => d.Id.StartsWith("FG", StringComparison.Ordinal)));
    }

    private static TimeSpan Telemetry(CompilationWithAnalyzers run, DiagnosticAnalyzer analyzer) =>
        run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
}
