using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FairnessGuard.Guard;
using FairnessGuard.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>
/// A generator test on Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing 1.1.4 (issue 14.4): the user's
/// sources (<c>User{n}.cs</c>) over the .NET 10 reference assemblies (Microsoft.NETCore.App.Ref 10.0.10, restored
/// with the solution) and the real FairnessGuard runtime. The framework checks the generated sources are exactly
/// <c>TestState.GeneratedSources</c> (none, for a method that cannot be guarded) and the diagnostics exactly the
/// expected ones: the generator's, and the compiler's at <see cref="AnalyzerTest{TVerifier}.CompilerDiagnostics"/>.
/// </summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<ParityMethodGenerator, DefaultVerifier>
{
    private readonly NullableContextOptions _nullable;
    private readonly List<(string HintName, string? Name, string SourceFile, string Member)> _snapshots = [];
    private Project? _project;

    public GeneratorTest(params string[] sources)
        : this(NullableContextOptions.Enable, sources)
    {
    }

    public GeneratorTest(NullableContextOptions nullable, params string[] sources)
    {
        _nullable = nullable;
        ReferenceAssemblies = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"),
            Path.Combine("ref", "net10.0"));
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ParityGuard<>).Assembly.Location));
        for (var i = 0; i < sources.Length; i++)
        {
            TestState.Sources.Add(($"User{i}.cs", sources[i]));
        }

        SolutionTransforms.Add((solution, projectId) =>
        {
            solution = solution.WithProjectParseOptions(projectId, GeneratorHarness.ParseOptions);
            _project ??= solution.GetProject(projectId);
            return solution;
        });
    }

    /// <summary>Runs no generator: the compilation the build would see if the generator did not run.</summary>
    public bool WithoutGenerator { get; init; }

    /// <summary>Checks compiler warnings in generated code only (the user's own code may warn); errors everywhere.</summary>
    public bool WarningsFromGeneratedCodeOnly { get; init; }

    /// <summary>The generator's diagnostics of every compilation the framework made, for checks of their messages.</summary>
    public ConcurrentQueue<Diagnostic> GeneratorDiagnostics { get; } = new();

    /// <summary>
    /// Expects the generated file <paramref name="hintName"/> to be the approved snapshot
    /// <c>&lt;TestFile&gt;.&lt;Test&gt;[.&lt;name&gt;].verified.txt</c> (the TestKit <see cref="Snapshot"/>'s Verify-compatible name).
    /// </summary>
    public GeneratorTest WithSnapshot(string hintName, string? name = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string member = "")
    {
        var verified = Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", $"{Path.GetFileNameWithoutExtension(sourceFile)}.{member}{(name is null ? string.Empty : "." + name)}.verified.txt");
        TestState.GeneratedSources.Add((typeof(ParityMethodGenerator), hintName, File.Exists(verified) ? File.ReadAllText(verified) : string.Empty));
        _snapshots.Add((hintName, name, sourceFile, member));
        return this;
    }

    /// <summary>
    /// Runs the test; when it fails, each snapshot goes through <see cref="Snapshot.Match(string, string?, string, string)"/>,
    /// which writes <c>.received.txt</c> with a unified diff (or approves it with FAIRNESSGUARD_ACCEPT_SNAPSHOTS=1; rerun).
    /// </summary>
    public async Task RunWithSnapshotsAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception) when (_snapshots.Count > 0 && _project is not null)
        {
            var result = CSharpGeneratorDriver.Create([new ParityMethodGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions)
                .RunGenerators((await _project.GetCompilationAsync())!).GetRunResult().Results.Single();
            foreach (var (hintName, name, sourceFile, member) in _snapshots)
            {
                var generated = result.GeneratedSources.Where(s => s.HintName == hintName).ToList();
                if (generated.Count == 0)
                {
                    throw new InvalidOperationException($"No generated file '{hintName}'; the generator wrote: {string.Join(", ", result.GeneratedSources.Select(s => s.HintName))}");
                }

                Snapshot.Match(generated[0].SourceText.ToString(), name, sourceFile, member);
            }

            throw;
        }
    }

    /// <summary>Expects CS8795 ("partial method must have an implementation") on each partial method declared without a body.</summary>
    public GeneratorTest ExpectingUnimplementedPartialMethods()
    {
        foreach (var (path, text) in TestState.Sources)
        {
            var tree = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.Modifiers.Any(SyntaxKind.PartialKeyword) && m.Body is null && m.ExpressionBody is null))
            {
                var span = method.Identifier.GetLocation().GetLineSpan().Span;
                TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS8795")
                    .WithSpan(path, span.Start.Line + 1, span.Start.Character + 1, span.End.Line + 1, span.End.Character + 1)
                    .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            }
        }

        return this;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => WithoutGenerator ? [] : base.GetSourceGenerators();

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(_nullable);

    protected override bool IsCompilerDiagnosticIncluded(Diagnostic diagnostic, CompilerDiagnostics compilerDiagnostics) =>
        WarningsFromGeneratedCodeOnly
            ? diagnostic.Severity == DiagnosticSeverity.Error
                || (diagnostic.Severity == DiagnosticSeverity.Warning && diagnostic.Location.SourceTree?.FilePath.Contains(nameof(ParityMethodGenerator), StringComparison.Ordinal) == true)
            : base.IsCompilerDiagnosticIncluded(diagnostic, compilerDiagnostics);

    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var (compilation, generatorDiagnostics) = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
        foreach (var diagnostic in generatorDiagnostics)
        {
            GeneratorDiagnostics.Enqueue(diagnostic);
        }

        return (compilation, generatorDiagnostics);
    }
}
