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
/// The other diagnostics of a document that a fix may need. A pipeline reports one FG0001 per dropped column (and
/// FG0002 per kept proxy) with the same trainer as fix target; the IDE passes those on one span to the fix
/// together, but <c>dotnet format</c> and the test framework pass one at a time, so the fix asks the analyzer for
/// the rest (once, when the action runs; never while the light bulb is computed).
/// </summary>
internal static class SiblingDiagnostics
{
    /// <summary>The given diagnostics and every diagnostic with one of their IDs in the same document.</summary>
    public static async Task<IReadOnlyCollection<Diagnostic>> WithSiblingsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, IEnumerable<string> ids, CancellationToken token)
    {
        var compilation = await document.Project.GetCompilationAsync(token).ConfigureAwait(false);
        var tree = await document.GetSyntaxTreeAsync(token).ConfigureAwait(false);
        if (compilation is null || tree is null)
        {
            return diagnostics;
        }

        var wanted = ids.ToImmutableHashSet();
        var all = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(token).ConfigureAwait(false);
        return diagnostics.Concat(all.Where(d => d.Location.SourceTree == tree && wanted.Contains(d.Id))).ToList();
    }
}
