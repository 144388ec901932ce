using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// A synthetic 166-file project in the style of ML.NET's own samples (Microsoft.ML.Samples' <c>Dynamic</c> folder:
/// one static class per file with an <c>Example()</c> that builds in-memory data, fits one transform or trainer,
/// and prints the result), the denominator issue 14 measured on: 165 sample files in seven shapes taking turns
/// (a normalizer, a binary trainer, a regression trainer with an options object, text featurization, a multiclass
/// trainer, one-hot encoding, and every seventh a loaded table whose features leave out <c>Gender</c>, 23 FG0001)
/// plus a <c>Program</c> that runs a few. Unlike <see cref="MlNetProject"/> (a worst case, 60 % model code with
/// a finding in 96 of 160 files) most files have model code and few have findings, as in the samples.
/// Written to disk (<c>-- --write-samples-project DIR</c>) for a real <c>dotnet build -p:ReportAnalyzer=true</c>,
/// and compiled in process by the probe (<c>analyzer-telemetry samples</c>).
/// </summary>
public static partial class SamplesProject
{
    public const int Files = 165;

    /// <summary>FG0001 findings expected: one per file of the last shape (files 6, 13, …, 160).</summary>
    public const int Findings = (Files + 1) / Shapes;

    private const int Shapes = 7;

    public static CSharpCompilation Compilation()
    {
        var trees = Sources().Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.Path)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText("global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n", path: "GlobalUsings.cs"));
        return CSharpCompilation.Create(
            "SamplesProject",
            trees,
            GeneratedProject.References(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Writes the project: the sources, and a console project referencing Microsoft.ML 5.0.1 and the analyzer at <paramref name="analyzerPath"/>.</summary>
    public static void WriteTo(string directory, string analyzerPath)
    {
        Directory.CreateDirectory(directory);
        foreach (var (path, text) in Sources())
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }

        File.WriteAllText(Path.Combine(directory, "Samples.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.ML" Version="5.0.1" />
                <Analyzer Include="{analyzerPath}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
    }

    private static IEnumerable<(string Path, string Text)> Sources()
    {
        for (var i = 0; i < Files; i++)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"Sample{i}.cs"), Sample(i));
        }

        yield return ("Program.cs", """
            namespace Samples;

            public static class Program
            {
                public static void Main()
                {
                    Sample0.Example();
                    Sample1.Example();
                    Sample2.Example();
                }
            }
            """);
    }

    private static string Sample(int i) => "using Microsoft.ML;\nusing Microsoft.ML.Data;\nusing Microsoft.ML.Trainers;\n\n"
        + string.Create(CultureInfo.InvariantCulture, $"namespace Samples;\n\n") + (i % Shapes) switch
        {
            0 => Normalizer(i),
            1 => BinaryTrainer(i),
            2 => RegressionWithOptions(i),
            3 => Text(i),
            4 => Multiclass(i),
            5 => OneHot(i),
            _ => LoadedTable(i),
        };
}
