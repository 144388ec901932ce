using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Architecture;

/// <summary>
/// No back-edges: the runtime's namespaces form the layer order documented in docs/design.md, and the
/// assemblies' project references form the diagram drawn there. The runtime is compiled from its sources (with
/// the logging source generator it uses) so that every reference is resolved by the compiler, not guessed.
/// </summary>
public sealed partial class LayeringTests(ITestOutputHelper output)
{
    /// <summary>Lowest first; a namespace may use only namespaces listed before it.</summary>
    private static readonly string[] Layers =
    [
        "FairnessGuard",
        "FairnessGuard.Distributions",
        "FairnessGuard.Sketches",
        "FairnessGuard.Metrics",
        "FairnessGuard.Monitoring",
        "FairnessGuard.Correction",
        "FairnessGuard.State",
        "FairnessGuard.Telemetry",
        "FairnessGuard.Guard",
        "FairnessGuard.Registry",
        "FairnessGuard.Hosting",
    ];

    private static readonly Lazy<(CSharpCompilation Compilation, IReadOnlyList<Diagnostic> Errors, Dictionary<SyntaxTree, SemanticModel> Models)> Runtime = new(CompileRuntime);

    private static readonly Lazy<List<(string From, string To, string Symbol, string Location)>> Edges = new(FindReferences);

    [Fact]
    public void RuntimeCompilesFromSourceSoTheGraphIsReal()
    {
        var (compilation, errors, _) = Runtime.Value;
        Assert.True(errors.Count == 0, "The runtime did not compile from source:\n" + string.Join('\n', errors.Take(20)));
        Assert.True(compilation.SyntaxTrees.Count() > 50, "Too few source files found: " + compilation.SyntaxTrees.Count());
    }

    [Fact]
    public void NamespacesFormNoCycle()
    {
        var edges = Edges.Value;
        var graph = edges.Select(e => (e.From, e.To)).Distinct().ToLookup(e => e.From, e => e.To);
        var cycle = FindCycle(edges.Select(e => e.From).Concat(edges.Select(e => e.To)).Distinct(), graph);
        Assert.True(cycle is null, "Namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void NamespacesUseOnlyLowerLayers()
    {
        var edges = Edges.Value;

        // Known edges prove the walk sees references at all (the guard reads sketches, the audit uses the distances).
        Assert.Contains(edges, e => e.From == "FairnessGuard.Guard" && e.To == "FairnessGuard.Sketches");
        Assert.Contains(edges, e => e.From == "FairnessGuard.Metrics" && e.To == "FairnessGuard.Distributions");
        foreach (var group in edges.Select(e => (e.From, e.To)).Distinct().OrderBy(e => e.From).ThenBy(e => e.To))
        {
            output.WriteLine($"{group.From} -> {group.To}");
        }

        var unknown = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Where(n => Array.IndexOf(Layers, n) < 0).ToArray();
        Assert.True(unknown.Length == 0, "Namespaces missing from the layer list (add them to docs/design.md and this test): " + string.Join(", ", unknown));
        var backEdges = edges.Where(e => Array.IndexOf(Layers, e.To) > Array.IndexOf(Layers, e.From)).ToArray();
        Assert.True(
            backEdges.Length == 0,
            "Back-edges (a layer using a higher one):\n" + string.Join('\n', backEdges.Take(30).Select(e => $"{e.From} -> {e.To}: {e.Symbol} at {e.Location}")));
    }

    [Fact]
    public void ProjectReferencesMatchTheDesignDiagramAndHaveNoCycle()
    {
        var root = RepositoryRoot();
        var actual = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var from = Path.GetFileNameWithoutExtension(project);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var to = Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/'));
                var buildOnly = string.Equals(reference.Attribute("ReferenceOutputAssembly")?.Value, "false", StringComparison.OrdinalIgnoreCase);
                actual.Add($"{from.Replace('.', '_')} {(buildOnly ? "-.->" : "-->")} {to.Replace('.', '_')}");
            }
        }

        var design = File.ReadAllText(Path.Combine(root, "docs", "design.md"));
        var block = DiagramBlock().Match(design);
        Assert.True(block.Success, "docs/design.md has no ```mermaid block under '## Assemblies'.");
        var drawn = new SortedSet<string>(
            DiagramEdge().Matches(block.Groups["body"].Value).Select(m => $"{m.Groups["from"].Value} {m.Groups["arrow"].Value} {m.Groups["to"].Value}"),
            StringComparer.Ordinal);
        Assert.True(actual.Count > 5, "Too few project references found under src/.");
        Assert.True(
            actual.SetEquals(drawn),
            $"Diagram and project references differ.\nOnly in the .csproj files: {string.Join("; ", actual.Except(drawn))}\nOnly in the diagram: {string.Join("; ", drawn.Except(actual))}");

        var graph = actual.Select(e => e.Split(' ')).ToLookup(p => p[0], p => p[2]);
        var cycle = FindCycle(actual.SelectMany(e => new[] { e.Split(' ')[0], e.Split(' ')[2] }).Distinct(), graph);
        Assert.True(cycle is null, "Project reference cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [GeneratedRegex(@"## Assemblies.*?```mermaid(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DiagramBlock();

    // Node ids are the assembly names with dots as underscores (mermaid ids cannot hold dots); labels may follow in [..].
    [GeneratedRegex(@"^\s*(?<from>\w+)(\[[^\]]*\])?\s*(?<arrow>-->|-\.->)\s*(?<to>\w+)", RegexOptions.Multiline)]
    private static partial Regex DiagramEdge();

    private static List<(string From, string To, string Symbol, string Location)> FindReferences()
    {
        var (compilation, _, models) = Runtime.Value;
        var edges = new List<(string, string, string, string)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = models[tree];
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Ancestors().Any(a => a is UsingDirectiveSyntax))
                {
                    continue;
                }

                var enclosing = model.GetEnclosingSymbol(name.SpanStart);
                var from = enclosing as INamespaceSymbol ?? enclosing?.ContainingNamespace;
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var to = NamespaceOf(symbol);
                var fromName = from?.ToDisplayString();
                var toName = to?.ToDisplayString();
                if (fromName is null || toName is null || fromName == toName || !IsRuntime(fromName) || !IsRuntime(toName))
                {
                    continue;
                }

                var line = name.GetLocation().GetLineSpan();
                edges.Add((fromName, toName, symbol!.ToDisplayString(), $"{Path.GetFileName(line.Path)}:{line.StartLinePosition.Line + 1}"));
            }
        }

        return edges;
    }

    private static bool IsRuntime(string ns) => ns == "FairnessGuard" || ns.StartsWith("FairnessGuard.", StringComparison.Ordinal);

    private static INamespaceSymbol? NamespaceOf(ISymbol? symbol) => symbol switch
    {
        null or INamespaceSymbol => null,
        IArrayTypeSymbol array => NamespaceOf(array.ElementType),
        IPointerTypeSymbol pointer => NamespaceOf(pointer.PointedAtType),
        ITypeParameterSymbol => null,
        IMethodSymbol { ReducedFrom: { } reduced } => reduced.ContainingNamespace,
        _ => symbol.ContainingNamespace,
    };

    private static List<string>? FindCycle(IEnumerable<string> nodes, ILookup<string, string> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        foreach (var node in nodes.Order(StringComparer.Ordinal))
        {
            if (Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path.Skip(path.IndexOf(node)), node];
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FairnessGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FairnessGuard.sln not found above " + AppContext.BaseDirectory);
    }

    private static (CSharpCompilation, IReadOnlyList<Diagnostic>, Dictionary<SyntaxTree, SemanticModel>) CompileRuntime()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "FairnessGuard");
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var implicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var trees = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(implicitUsings, options, "GlobalUsings.g.cs"))
            .ToList();

        // The framework and the packages the runtime references (copied beside the tests), not any build of FairnessGuard.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll"))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "MathNet.*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "FairnessGuard",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var driver = CSharpGeneratorDriver.Create(LoggingGenerators(), parseOptions: options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        // Per-tree models that both report the errors and (cached) resolve the names, so every body is bound once.
        var models = generated.SyntaxTrees.AsParallel().ToDictionary(t => t, t => generated.GetSemanticModel(t));
        var errors = models.Values.AsParallel()
            .SelectMany(m => m.GetDiagnostics())
            .ToList()
            .Concat(generated.GetDeclarationDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Distinct()
            .ToList();
        return ((CSharpCompilation)generated, errors, models);
    }

    /// <summary>The [LoggerMessage] generator shipped in the Logging.Abstractions package the runtime references.</summary>
    private static IEnumerable<ISourceGenerator> LoggingGenerators()
    {
        var assembly = typeof(ILogger).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "microsoft.extensions.logging.abstractions", version, "analyzers", "dotnet", "roslyn4.4", "cs", "Microsoft.Extensions.Logging.Generators.dll");
        Assert.True(File.Exists(path), "Logging source generator not found at " + path);
        var generators = Assembly.LoadFrom(path).GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(t => Activator.CreateInstance(t)!)
            .Select(g => g as ISourceGenerator ?? ((IIncrementalGenerator)g).AsSourceGenerator())
            .ToList();
        Assert.NotEmpty(generators);
        return generators;
    }
}
