using System.Collections.Immutable;
using FairnessGuard.Generators;
using Microsoft.CodeAnalysis;
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
        // What the generator emits is the generator tests' business; here it has to make the fixed code compile.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        // FG0001/FG0002 are reported at compilation end (the rule needs every use of a type), which the framework
        // flags as "non-local": the IDE shows them with full-solution analysis, the build and dotnet format always.
        CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));
    }

    /// <summary>Fix only the diagnostics with this ID (the first one in source order); all fixable ones when null.</summary>
    public string? FixOnly { get; init; }

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
        [new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer()];

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(ParityMethodGenerator)];

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    protected override Diagnostic? TrySelectDiagnosticToFix(ImmutableArray<Diagnostic> fixableDiagnostics) =>
        FixOnly is null ? base.TrySelectDiagnosticToFix(fixableDiagnostics) : fixableDiagnostics.FirstOrDefault(d => d.Id == FixOnly);
}
