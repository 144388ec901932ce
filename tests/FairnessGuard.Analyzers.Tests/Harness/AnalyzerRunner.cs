using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>Runs the analyzers over a project with <see cref="CompilationWithAnalyzers"/> and checks the result.</summary>
internal static class AnalyzerRunner
{
    /// <summary>The FairnessGuard diagnostics, after asserting the source compiles and no analyzer threw (AD0001).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));

        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(TestProject.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, "An analyzer threw (AD0001):\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        // In source order: analyzers run concurrently, so "the first diagnostic" must not depend on thread timing.
        return diagnostics.Where(d => d.Id.StartsWith("FG", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>
    /// Asserts the analyzers report exactly the diagnostics marked up in the sources, through
    /// Microsoft.CodeAnalysis.Testing (<see cref="AnalyzerTest"/>) and through this runner, whose diagnostics are
    /// returned for tests that check messages or severities.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(this TestProject test)
    {
        await AnalyzerTest.From(test).RunAsync();
        var (project, expected) = test.Build();
        var actual = await RunAsync(project);
        var actualKeys = actual.Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceTree!.FilePath, d.Location.SourceSpan)).ToList();
        var missing = expected.Except(actualKeys).ToList();
        var unexpected = actual.Where(d => !expected.Contains(new ExpectedDiagnostic(d.Id, d.Location.SourceTree!.FilePath, d.Location.SourceSpan))).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            "Missing: " + string.Join("; ", missing.Select(m => $"{m.Id} {m.File}{m.Span}")) +
            "\nUnexpected: " + string.Join("\n  ", unexpected.Select(d => $"{d.Id} {d.Location.GetLineSpan()} '{d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)}': {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
        return actual;
    }
}
