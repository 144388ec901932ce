using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.CodeFixes;

/// <summary>
/// The diagnostics that share a span with the ones a fix was given. A pipeline reports one FG0001 per dropped
/// column, all on its Concatenate call; the IDE passes them to the fix together, but <c>dotnet format</c> and the
/// test framework pass one at a time, so the fix asks the analyzer for the rest (once, when the action runs).
/// </summary>
internal static class SiblingDiagnostics
{
    public static async Task<IReadOnlyCollection<Diagnostic>> WithSiblingsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken token)
    {
        var compilation = await document.Project.GetCompilationAsync(token).ConfigureAwait(false);
        var tree = await document.GetSyntaxTreeAsync(token).ConfigureAwait(false);
        if (compilation is null || tree is null)
        {
            return diagnostics;
        }

        var ids = diagnostics.Select(d => d.Id).ToImmutableHashSet();
        var spans = diagnostics.Select(d => d.Location.SourceSpan).ToImmutableHashSet();
        var all = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(token).ConfigureAwait(false);
        return diagnostics
            .Concat(all.Where(d => d.Location.SourceTree == tree && ids.Contains(d.Id) && spans.Contains(d.Location.SourceSpan)))
            .ToList();
    }
}
