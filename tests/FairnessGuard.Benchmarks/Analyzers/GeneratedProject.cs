using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// A generated project of ordinary business code: 400 files of 25 methods (10,000 methods): queries, DTO
/// mapping, loops, dictionaries, formatting, and one hand-written model call per file. With findings, each
/// model call leaves out Gender (one FG0001 per file); without, each carries an output policy (the fixed
/// code: the analyzer does all its work and reports nothing).
/// </summary>
public static class GeneratedProject
{
    public const int Files = 400;
    public const int MethodsPerFile = 25;

    public static IEnumerable<(string Path, string Text)> Sources(bool withFindings = true)
    {
        yield return ("GlobalUsings.cs", "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n");
        for (var i = 0; i < Files; i++)
        {
            yield return ($"File{i}.cs", File(i, withFindings));
        }
    }

    /// <summary>The project as an in-memory compilation against the running framework and the FairnessGuard runtime.</summary>
    public static CSharpCompilation Compilation(bool withFindings)
    {
        var trees = Sources(withFindings).Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.Path)).ToList();
        return CSharpCompilation.Create(
            "Generated",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The running framework's System assemblies, <paramref name="extra"/> files, and the FairnessGuard runtime.</summary>
    public static IEnumerable<MetadataReference> References(params string[] extra) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Concat(extra)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(DemographicParityAttribute).Assembly.Location));

    /// <summary>Writes the project to a folder, with the analyzer DLL as an analyzer, for <c>dotnet build -p:ReportAnalyzer=true</c>.</summary>
    public static void WriteTo(string directory, string analyzerPath, string runtimePath, bool withFindings)
    {
        Directory.CreateDirectory(directory);
        foreach (var (path, text) in Sources(withFindings))
        {
            System.IO.File.WriteAllText(Path.Combine(directory, path), text);
        }

        System.IO.File.WriteAllText(Path.Combine(directory, "Generated.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{analyzerPath}" />
                <Reference Include="{runtimePath}" />
              </ItemGroup>
            </Project>
            """);
        System.IO.File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        System.IO.File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
    }

    private static string File(int i, bool withFindings)
    {
        var text = new StringBuilder(4096);
        text.Append(CultureInfo.InvariantCulture, $$"""
            namespace Generated.N{{i}};

            public sealed class Customer{{i}}
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string Gender { get; set; } = "";
                public int Age { get; set; }
                public double Income { get; set; }
                public double Balance { get; set; }
                public string City { get; set; } = "";
            }

            public sealed class Service{{i}}
            {
                private readonly List<Customer{{i}}> _items = new();

            """);
        for (var j = 0; j < MethodsPerFile; j++)
        {
            text.Append(Method(i, j, withFindings)).Append('\n');
        }

        return text.Append("}\n").ToString();
    }

    private static string Method(int i, int j, bool withFindings) => (j % 6, j == MethodsPerFile - 1) switch
    {
        (_, true) => (withFindings ? string.Empty : $"    [FairnessGuard.DemographicParity(nameof(Customer{i}.Gender))]\n")
            + $"    public double Predict{j}(Customer{i} c, Func<double[], double> model) => model(new[] {{ c.Income, c.Balance, c.Age }});",
        (0, _) => $"    public List<Customer{i}> Find{j}(string city) => _items.Where(c => c.City == city && c.Income > {j}).OrderBy(c => c.Name).ToList();",
        (1, _) => $"    public object[] Row{j}(Customer{i} c) => new object[] {{ c.Id, c.Name, c.City }};",
        (2, _) => $$"""
                public double Sum{{j}}(double[] values)
                {
                    var total = 0.0;
                    for (var k = 0; k < values.Length; k++)
                    {
                        total += values[k] * {{j}};
                    }

                    return total;
                }
            """,
        (3, _) => $"    public Dictionary<string, double> Stats{j}() => new() {{ [\"income\"] = _items.Sum(c => c.Income), [\"balance\"] = _items.Count == 0 ? 0 : _items.Average(c => c.Balance) }};",
        (4, _) => $"    public string Describe{j}(Customer{i} c) => $\"{{c.Name}} ({{c.City}}) #{{c.Id}}\";",
        _ => $$"""
                public Customer{{i}} Create{{j}}(string name, string city)
                {
                    var customer = new Customer{{i}} { Id = _items.Count + {{j}}, Name = name, City = city };
                    _items.Add(customer);
                    return customer;
                }
            """,
    };
}
