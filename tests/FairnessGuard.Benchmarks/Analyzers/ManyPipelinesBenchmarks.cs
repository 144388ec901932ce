using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// Issue 14.5's worst shape: one class with <see cref="Pipelines"/> ML.NET pipelines whose data type is loaded
/// in another class (half return the estimator, half fit data from the loader helper), compiled against the
/// real Microsoft.ML assemblies copied next to this benchmark. <c>Compile</c> is the compiler's own
/// diagnostics (the baseline the analyzers are compared with); the analyzer runs add the analyzers'
/// diagnostics on a fresh clone (the compiler's binding included, as in a build).
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*ManyPipelinesBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ManyPipelinesBenchmarks : AnalyzerShareBenchmark
{
    public const int Pipelines = 600;

    protected override int ExpectedFindings => Pipelines;

    protected override CSharpCompilation CreateCompilation() => Compilation();

    /// <summary>The shape as one compilation: a loaded input type, its loader helper, and one class of pipelines.</summary>
    public static CSharpCompilation Compilation()
    {
        var text = new StringBuilder();
        text.Append("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Shapes;

            public sealed class Row
            {
                [LoadColumn(0)] public float A { get; set; }
                [LoadColumn(1)] public float B { get; set; }
                [LoadColumn(2)] public string Gender { get; set; } = "";
                [LoadColumn(3)] public bool Y { get; set; }
            }

            public static class Loading
            {
                public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Row>(path, ',');
            }

            public static class Pipelines
            {

            """);
        for (var i = 0; i < Pipelines; i++)
        {
            if (i % 2 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    public static IEstimator<ITransformer> P{i}(MLContext ml) => ml.Transforms.Concatenate(\"Features\", \"A\", \"B\").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: \"Y\"));\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"    public static ITransformer P{i}(MLContext ml, string path) {{ var data = Loading.Load(ml, path); return ml.Transforms.Concatenate(\"Features\", \"A\", \"B\").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: \"Y\")).Fit(data); }}\n");
            }
        }

        text.Append("}\n");
        return CSharpCompilation.Create(
            "ManyPipelines",
            new[] { CSharpSyntaxTree.ParseText(text.ToString(), path: "Pipelines.cs") },
            GeneratedProject.References(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
