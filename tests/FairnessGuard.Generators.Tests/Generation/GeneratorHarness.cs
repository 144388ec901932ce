using System.Collections.Immutable;
using FairnessGuard.Guard;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>
/// Drives <see cref="ParityMethodGenerator"/> directly, for what SourceGenerators.Testing 1.1.4 cannot check: the
/// incremental steps a second run on an edited compilation serves from the cache (the framework keeps no driver
/// between runs and exposes no tracked steps). User source is compiled against the real FairnessGuard runtime and
/// the running framework's assemblies (from TRUSTED_PLATFORM_ASSEMBLIES: nothing is downloaded). Every other
/// generator test runs on <see cref="GeneratorTest"/>.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>What one generator run produced.</summary>
    internal sealed record Run(GeneratorDriver Driver, ImmutableArray<GeneratedSourceResult> Sources);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new ParityMethodGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Run Generate(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGenerators(compilation);
        return new Run(driver, driver.GetRunResult().Results.Single().GeneratedSources);
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
