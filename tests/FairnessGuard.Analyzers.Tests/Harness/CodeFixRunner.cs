using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>Applies a code fix (one diagnostic, or Fix All in the document) and checks the fixed code compiles.</summary>
internal static class CodeFixRunner
{
    /// <summary>The titles of the actions the fixer offers for the first diagnostic with the ID.</summary>
    public static async Task<List<string>> OffersAsync(TestProject test, CodeFixProvider fixer, string id)
    {
        var (project, _) = test.Build();
        var diagnostic = (await AnalyzerRunner.RunAsync(project)).First(d => d.Id == id);
        return (await ActionsFor(project, fixer, diagnostic)).Select(a => a.Title).ToList();
    }

    /// <summary>Fixes the first diagnostic with the ID (with the offered action at <paramref name="actionIndex"/>), or all of them.</summary>
    public static async Task<(string Text, ImmutableArray<Diagnostic> Remaining)> FixAsync(TestProject test, CodeFixProvider fixer, string id, bool fixAll = false, int actionIndex = 0)
    {
        var (project, _) = test.Build();
        var diagnostics = (await AnalyzerRunner.RunAsync(project)).Where(d => d.Id == id).ToImmutableArray();
        Assert.NotEmpty(diagnostics);
        var document = project.GetDocument(diagnostics[0].Location.SourceTree)!;

        CodeAction action;
        if (fixAll)
        {
            var first = (await ActionsFor(project, fixer, diagnostics[0]))[0];
            var context = new FixAllContext(document, fixer, FixAllScope.Document, first.EquivalenceKey, new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
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
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var text = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.True(errors.Count == 0, "The fixed code does not compile:\n" + string.Join("\n", errors) + "\n" + text);
        return (text, await AnalyzerRunner.RunAsync(fixedProject));
    }

    private static async Task<List<CodeAction>> ActionsFor(Project project, CodeFixProvider fixer, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        return actions;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
