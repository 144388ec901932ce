using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>
/// An analyzer test on Microsoft.CodeAnalysis.Testing (issue 14.4), built from a <see cref="TestProject"/>: the
/// same sources, markup, .editorconfig, global config and references, both FairnessGuard analyzers. The framework
/// checks the marked-up diagnostics are exactly the reported ones (any severity), that the source compiles, that
/// no analyzer threw (AD0001), and that nothing is reported once every file is marked as generated code.
/// </summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<FeatureSelectionAnalyzer, DefaultVerifier>
{
    public AnalyzerTest() =>
        SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));

    /// <summary>The framework test for a <see cref="TestProject"/>; its <c>[|…|]</c> spans expect the project's default rule.</summary>
    public static AnalyzerTest From(TestProject project)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = ReferenceSets.Net10 };
        test.TestState.Sources.Add(("/0/GlobalUsings.g.cs", TestProject.GlobalUsings));
        for (var i = 0; i < project.Sources.Count; i++)
        {
            var markup = project.Sources[i]
                .Replace("[|", "{|" + project.DefaultId + ":", StringComparison.Ordinal)
                .Replace("|]", "|}", StringComparison.Ordinal);
            test.TestState.Sources.Add(($"/0/{project.FileNames[i] ?? $"Test{i}.cs"}", markup));
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", project.EditorConfigText));
        if (project.GlobalConfig is { } global)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/0/Test.GeneratedMSBuildEditorConfig.editorconfig", global));
        }

        // The framework switches on every rule of the analyzers under test (its suppression would also beat the
        // configuration files): an opt-in rule (FG0004) stays off as in the build unless the test configures it.
        var configured = project.EditorConfigText + project.GlobalConfig;
        test.DisabledDiagnostics.AddRange(TestProject.Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .Where(d => !d.IsEnabledByDefault && System.Text.RegularExpressions.Regex.Matches(configured, $@"dotnet_diagnostic\.{d.Id}\.severity\s*=\s*(\w+)") is var settings
                && (settings.Count == 0 || settings[^1].Groups[1].Value == "none"))
            .Select(d => d.Id).Distinct());
        test.TestState.AdditionalReferences.AddRange(project.References);
        if (project.HasTopLevelStatements)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        return test;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestProject.Analyzers;

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
