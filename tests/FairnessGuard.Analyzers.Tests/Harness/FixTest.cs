using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using FairnessGuard.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>
/// A code-fix test on Microsoft.CodeAnalysis.Testing (issue 14.4): both FairnessGuard analyzers and the
/// FairnessGuard generator run as in the build (the generator's FG1xxx errors are compiler errors of the test),
/// over the .NET 10 reference assemblies and the real FairnessGuard runtime. The framework applies the fix until
/// no diagnostic is left (<c>FixedState</c>), then Fix All in the document, the project and the solution
/// (<c>BatchFixedState</c>), and checks each result has no compiler error (<see cref="CompilerDiagnostics.Errors"/>)
/// and exactly the diagnostics marked up there: none, when the fix guards everything.
/// </summary>
/// <typeparam name="TCodeFix">The fix under test.</typeparam>
internal sealed class FixTest<TCodeFix> : CSharpCodeFixTest<FeatureSelectionAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    private const string GlobalUsingsPath = "/0/GlobalUsings.g.cs";

    /// <param name="mlNet">References the real ML.NET 5.0.1 (with FastTree and LightGbm).</param>
    /// <param name="fairnessGuardMl">With <paramref name="mlNet"/>: references FairnessGuard.ML too.</param>
    public FixTest(bool mlNet = false, bool fairnessGuardMl = true)
    {
        ReferenceAssemblies = mlNet ? ReferenceSets.Net10MlNet : ReferenceSets.Net10;
        TestState.AdditionalReferences.Add(References.FairnessGuardRuntime);
        if (mlNet && fairnessGuardMl)
        {
            TestState.AdditionalReferences.Add(ReferenceSets.FairnessGuardMl);
        }

        TestState.Sources.Add((GlobalUsingsPath, TestProject.GlobalUsings));
        FixedState.Sources.Add((GlobalUsingsPath, TestProject.GlobalUsings));
        BatchFixedState.Sources.Add((GlobalUsingsPath, TestProject.GlobalUsings));
        CompilerDiagnostics = CompilerDiagnostics.Errors;
        // As the package's targets do while analyzers run in the build: the analyzer reports FG1001, the generator does not.
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.FairnessGuardAnalyzersReportNotPartial = true\n"));
        // What the generator emits is the generator tests' business; here it has to make the fixed code compile.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        // FG0001/FG0002 are reported at compilation end (the rule needs every use of a type), which the framework
        // flags as "non-local": the IDE shows them with full-solution analysis, the build and dotnet format always.
        CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));
    }

    /// <summary>Fix only the diagnostics with this ID (the first one in source order); all fixable ones when null.</summary>
    public string? FixOnly { get; init; }

    /// <summary>With <see cref="FixOnly"/>: fix only the diagnostic whose span holds this text (e.g. a method's name).</summary>
    public string? FixOnlyAt { get; init; }

    /// <summary>Analyzers run besides FairnessGuard's (e.g. one that reports a diagnostic the IDE still shows after an edit).</summary>
    public IReadOnlyList<DiagnosticAnalyzer> ExtraAnalyzers { get; init; } = [];

    /// <summary>The titles of the actions offered for each diagnostic the framework asked the fix about, in order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> OfferedTitles { get; } = new();

    /// <summary>Adds a source, unchanged by the fix, to the test state and both fixed states.</summary>
    public FixTest<TCodeFix> WithUnchanged(string path, string source)
    {
        TestState.Sources.Add((path, source));
        FixedState.Sources.Add((path, source));
        BatchFixedState.Sources.Add((path, source));
        return this;
    }

    /// <summary>The source under test and what the fix and Fix All make of it (Fix All's defaults to the fix's).</summary>
    public FixTest<TCodeFix> WithFix(string path, string markup, string fixedMarkup, string? batchFixedMarkup = null)
    {
        TestState.Sources.Add((path, markup));
        FixedState.Sources.Add((path, fixedMarkup));
        BatchFixedState.Sources.Add((path, batchFixedMarkup ?? fixedMarkup));
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer(), .. ExtraAnalyzers];

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(ParityMethodGenerator)];

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    protected override Diagnostic? TrySelectDiagnosticToFix(ImmutableArray<Diagnostic> fixableDiagnostics) =>
        FixOnly is null
            ? base.TrySelectDiagnosticToFix(fixableDiagnostics)
            : fixableDiagnostics.FirstOrDefault(d => d.Id == FixOnly && (FixOnlyAt is null || d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) == FixOnlyAt));

    protected override ImmutableArray<CodeAction> FilterCodeActions(ImmutableArray<CodeAction> actions)
    {
        OfferedTitles.Enqueue(actions.Select(a => a.Title).ToList());
        return base.FilterCodeActions(actions);
    }

    /// <summary>
    /// The generator's diagnostics, each on its source file's syntax tree. The generator reports them at a path
    /// and span only (an incremental pipeline holds no syntax trees), and the framework hands a diagnostic to a
    /// fix only when <c>Location.SourceTree</c> names a document: without this, FG1001 is verified but never fixed.
    /// </summary>
    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var (compilation, generatorDiagnostics) = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
        return (compilation, generatorDiagnostics.Select(d => InSourceTree(d, compilation)).ToImmutableArray());
    }

    private static Diagnostic InSourceTree(Diagnostic diagnostic, Compilation compilation)
    {
        var location = diagnostic.Location;
        var path = location.GetLineSpan().Path;
        if (location.SourceTree is not null || location.Kind != LocationKind.ExternalFile
            || compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path) is not { } tree)
        {
            return diagnostic;
        }

        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            diagnostic.Id,
            descriptor.Category,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            diagnostic.Severity,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            diagnostic.WarningLevel,
            descriptor.Title,
            descriptor.Description,
            descriptor.HelpLinkUri,
            Location.Create(tree, location.SourceSpan),
            diagnostic.AdditionalLocations,
            descriptor.CustomTags,
            diagnostic.Properties);
    }
}
