using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>
/// Applies a code fix (one diagnostic, or Fix All in a document, the project or the solution) and checks the
/// fixed code compiles as the build compiles it: with the FairnessGuard generator, whose FG1xxx errors count.
/// </summary>
internal static class CodeFixRunner
{
    /// <summary>The titles of the actions the fixer offers for the first diagnostic with the ID.</summary>
    public static async Task<List<string>> OffersAsync(TestProject test, CodeFixProvider fixer, string id)
    {
        var (project, _) = test.Build();
        var diagnostic = (await AnalyzerRunner.RunAsync(project, withGenerator: true)).First(d => d.Id == id);
        return (await ActionsFor(project, fixer, diagnostic)).Select(a => a.Title).ToList();
    }

    /// <summary>Fixes the first diagnostic with the ID (with the offered action at <paramref name="actionIndex"/>), or all of them.</summary>
    public static async Task<(string Text, ImmutableArray<Diagnostic> Remaining)> FixAsync(TestProject test, CodeFixProvider fixer, string id, bool fixAll = false, int actionIndex = 0, FixAllScope scope = FixAllScope.Document)
    {
        var (project, _) = test.Build();
        var all = await AnalyzerRunner.RunAsync(project, withGenerator: true);
        var diagnostics = all.Where(d => d.Id == id).ToImmutableArray();
        Assert.NotEmpty(diagnostics);
        var document = DocumentOf(project, diagnostics[0]);

        // Generator errors the source had before the fix, untouched by it (e.g. FG1001 on a method the fix is not about).
        var before = all.Where(d => d.Id != id && d.Id.StartsWith("FG1", StringComparison.Ordinal)).Select(d => d.Id + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        CodeAction action;
        if (fixAll)
        {
            var first = (await ActionsFor(project, fixer, diagnostics[0]))[0];
            var context = scope == FixAllScope.Document
                ? new FixAllContext(document, fixer, scope, first.EquivalenceKey, new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None)
                : new FixAllContext(project, fixer, scope, first.EquivalenceKey, new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
            action = (await fixer.GetFixAllProvider()!.GetFixAsync(context))!;
        }
        else
        {
            action = (await ActionsFor(project, fixer, diagnostics[0]))[actionIndex];
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedProject = solution.GetProject(project.Id)!;
        var compilation = (await fixedProject.GetCompilationAsync())!;
        Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new FairnessGuard.Generators.ParityMethodGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var built, out var generatorDiagnostics);
        var errors = built.GetDiagnostics().Concat(generatorDiagnostics.Where(d => !before.Contains(d.Id + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var text = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.True(errors.Count == 0, "The fixed code does not compile:\n" + string.Join("\n", errors) + "\n" + text);
        return (text, await AnalyzerRunner.RunAsync(fixedProject, withGenerator: true));
    }

    private static async Task<List<CodeAction>> ActionsFor(Project project, CodeFixProvider fixer, Diagnostic diagnostic)
    {
        var document = DocumentOf(project, diagnostic);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>The document of a diagnostic; a generator's diagnostic has a path but no syntax tree.</summary>
    private static Document DocumentOf(Project project, Diagnostic diagnostic) =>
        project.GetDocument(diagnostic.Location.SourceTree) ?? project.Documents.First(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.GetLineSpan().Path == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location == Location.None));
    }
}
