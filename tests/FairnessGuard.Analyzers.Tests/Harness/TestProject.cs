using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>
/// A small fluent builder for a C# project in an <see cref="AdhocWorkspace"/>: sources (with markup),
/// an .editorconfig, the FairnessGuard runtime and the ML.NET stub as references.
/// </summary>
internal sealed class TestProject
{
    public const string GlobalUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n";
    private readonly List<string> _sources = new();
    private readonly List<string?> _fileNames = new();
    private readonly List<string> _editorConfig = new();
    private string? _globalConfig;
    private bool _fairnessGuard = true;

    public string DefaultId { get; private set; } = RuleIdentifiers.SensitiveAttributeDropped;

    public IReadOnlyList<string> Sources => _sources;

    public IReadOnlyList<string?> FileNames => _fileNames;

    public string? GlobalConfig => _globalConfig;

    /// <summary>The .editorconfig the project is analysed with.</summary>
    /// <remarks>
    /// The analyzer's FG1001 (a policy on a method that is not partial) is off unless a test turns it on: most tests
    /// put policies on ordinary methods to check what they silence, and FG1001 has tests of its own.
    /// </remarks>
    public string EditorConfigText => "root = true\n\n[*.cs]\ndotnet_diagnostic.FG1001.severity = none\n" + string.Join("\n", _editorConfig) + "\n";

    /// <summary>True when a source has top-level statements (the project is then a console application).</summary>
    public bool HasTopLevelStatements => _sources.Select(Markup.Parse).Any(p => CSharpSyntaxTree.ParseText(p.Source).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());

    /// <summary>The references besides the framework's: the FairnessGuard runtime and ML.NET.</summary>
    /// <remarks>
    /// ML.NET is the real 5.0.1 (restored with this project); the stub only for ML.NET 0.x's static pipeline
    /// (Microsoft.ML.StaticPipe), which no longer exists.
    /// </remarks>
    public IEnumerable<MetadataReference> References =>
        (_fairnessGuard ? [Harness.References.FairnessGuardRuntime] : Array.Empty<MetadataReference>())
            .Concat(UsesStaticPipe ? [Harness.References.MlNetStub] : Harness.References.RealMlNet);

    private bool UsesStaticPipe => _sources.Any(s => s.Contains("Microsoft.ML.StaticPipe", StringComparison.Ordinal));

    public TestProject WithSource(string markup) => WithSource(markup, fileName: null);

    /// <summary>A source with its own file name (for example <c>Model.g.cs</c>); the default is <c>Test{n}.cs</c>.</summary>
    public TestProject WithSource(string markup, string? fileName)
    {
        _sources.Add(markup);
        _fileNames.Add(fileName);
        return this;
    }

    public TestProject WithEditorConfig(params string[] lines)
    {
        _editorConfig.AddRange(lines);
        return this;
    }

    /// <summary>A global analyzer config, as MSBuild generates for <c>CompilerVisibleProperty</c> items.</summary>
    public TestProject WithGlobalConfig(string content)
    {
        _globalConfig = content;
        return this;
    }

    public TestProject EnableRule(string id) => WithEditorConfig($"dotnet_diagnostic.{id}.severity = warning");

    public TestProject Expecting(string defaultId)
    {
        DefaultId = defaultId;
        return this;
    }

    public TestProject WithoutFairnessGuard()
    {
        _fairnessGuard = false;
        return this;
    }

    /// <summary>Builds the project; the expected diagnostics come from the markup.</summary>
    public (Project Project, List<ExpectedDiagnostic> Expected) Build()
    {
        var workspace = new AdhocWorkspace();
        var parsed = _sources.Select(Markup.Parse).ToList();
        var hasTopLevel = HasTopLevelStatements;
        var references = Harness.References.Net.Concat(References);
        var projectId = ProjectId.CreateNewId();
        var info = ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp, filePath: "/src/Test.csproj")
            .WithCompilationOptions(new CSharpCompilationOptions(hasTopLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(references);
        var solution = workspace.CurrentSolution.AddProject(info)
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(GlobalUsings), filePath: "/src/GlobalUsings.g.cs");
        var expected = new List<ExpectedDiagnostic>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var name = _fileNames[i] ?? $"Test{i}.cs";
            var path = $"/src/{name}";
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(parsed[i].Source), filePath: path);
            expected.AddRange(parsed[i].Spans.Select(s => new ExpectedDiagnostic(s.Id ?? DefaultId, path, s.Span)));
        }

        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(EditorConfigText), filePath: "/.editorconfig");
        if (_globalConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), "Test.GeneratedMSBuildEditorConfig.editorconfig", SourceText.From(_globalConfig), filePath: "/obj/Test.GeneratedMSBuildEditorConfig.editorconfig");
        }

        return (solution.GetProject(projectId)!, expected);
    }

    public static ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers { get; } =
        ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer());
}
