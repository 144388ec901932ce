using System.Collections.Immutable;
using FairnessGuard.Guard;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>
/// Runs <see cref="ParityMethodGenerator"/> over user source compiled against the real FairnessGuard runtime
/// and the running framework's assemblies (from TRUSTED_PLATFORM_ASSEMBLIES: nothing is downloaded).
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>What one generator run produced.</summary>
    internal sealed record Run(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<GeneratedSourceResult> Sources)
    {
        public string Source(int index = 0) => Sources[index].SourceText.ToString();

        /// <summary>Diagnostics of the output compilation (user code plus generated code), warnings and up.</summary>
        public ImmutableArray<Diagnostic> CompilationDiagnostics() =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
    }

    public static CSharpCompilation Compile(params string[] sources) => Compile(NullableContextOptions.Enable, sources);

    public static CSharpCompilation Compile(NullableContextOptions nullable, params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));

    public static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new ParityMethodGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Run Generate(params string[] sources) => Generate(NewDriver(), Compile(sources));

    public static Run Generate(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new Run(driver, output, diagnostics, result.GeneratedSources);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = typeof(ParityGuard<>).Assembly.Location;
        return paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Append(runtime)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
