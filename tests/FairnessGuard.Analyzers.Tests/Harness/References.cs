using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>
/// Metadata references for the compilations under test: the .NET reference assemblies restored with this
/// project (Microsoft.NETCore.App.Ref), falling back to the running runtime's assemblies; the real
/// FairnessGuard runtime; and the ML.NET stub, compiled once in memory as an assembly named Microsoft.ML.
/// </summary>
internal static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Lazy<MetadataReference> MlNet = new(CompileMlNetStub);

    public static MetadataReference FairnessGuardRuntime { get; } =
        MetadataReference.CreateFromFile(typeof(DemographicParityAttribute).Assembly.Location);

    public static ImmutableArray<MetadataReference> Net => Framework.Value;

    public static MetadataReference MlNetStub => MlNet.Value;

    /// <summary>The real ML.NET 5.0.1 assemblies (Microsoft.ML*, with FastTree and LightGbm) copied next to this test assembly.</summary>
    public static ImmutableArray<MetadataReference> RealMlNet { get; } = Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")
        .Order(StringComparer.Ordinal)
        .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
        .ToImmutableArray();

    public static string? Metadata(string key) =>
        typeof(References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var directory = Metadata("NetCoreAppRefDirectory");
        IEnumerable<string> files = directory is not null && Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(f => Path.GetFileName(f).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(f) is "mscorlib.dll" or "netstandard.dll");
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static MetadataReference CompileMlNetStub()
    {
        var assembly = typeof(References).Assembly;
        var trees = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("MlNetStub/", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return CSharpSyntaxTree.ParseText(reader.ReadToEnd(), path: n);
            });
        var compilation = CSharpCompilation.Create(
            "Microsoft.ML",
            trees,
            Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The ML.NET stub does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
