using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// A 160-file ML.NET-style project against the real Microsoft.ML assemblies, in five shapes taking turns:
/// a pipeline with its loader in the same method (Gender left out), a <c>TextLoader.Column</c> schema class
/// with every column used, a hand-written scorer (Race left out), ordinary business code, and a pipeline whose
/// data is loaded by a helper of another class with its label in an options object (Age left out). 96 FG0001.
/// </summary>
public static class MlNetProject
{
    public const int Files = 160;

    /// <summary>FG0001 findings expected: one per file of the three shapes that leave an attribute out.</summary>
    public const int Findings = Files / 5 * 3;

    public static CSharpCompilation Compilation()
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText("global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n", path: "GlobalUsings.cs") };
        for (var i = 0; i < Files; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(File(i), path: string.Create(CultureInfo.InvariantCulture, $"File{i}.cs")));
        }

        return CSharpCompilation.Create(
            "MlNetProject",
            trees,
            GeneratedProject.References(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string File(int i) => "using Microsoft.ML;\nusing Microsoft.ML.Data;\n\n" + string.Create(CultureInfo.InvariantCulture, $"namespace MlApp.N{i};\n\n") + (i % 5) switch
    {
        0 => $$"""
            public sealed class Input{{i}}
            {
                [LoadColumn(0)] public float Income { get; set; }
                [LoadColumn(1)] public float Debt { get; set; }
                [LoadColumn(2)] public string Gender { get; set; } = "";
                [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
            }

            public sealed class Output{{i}} { public float Score { get; set; } }

            public sealed class Trainer{{i}}
            {
                private readonly MLContext _ml = new(seed: {{i}});

                public ITransformer Train(string path)
                {
                    var data = _ml.Data.LoadFromTextFile<Input{{i}}>(path, ',', hasHeader: true);
                    var split = _ml.Data.TrainTestSplit(data, testFraction: 0.2);
                    var pipeline = _ml.Transforms.Concatenate("Features", "Income", "Debt")
                        .Append(_ml.Transforms.NormalizeMinMax("Features"))
                        .Append(_ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var model = pipeline.Fit(split.TrainSet);
                    var metrics = _ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                    Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:F3}");
                    return model;
                }

                public float Predict(ITransformer model, Input{{i}} input) =>
                    _ml.Model.CreatePredictionEngine<Input{{i}}, Output{{i}}>(model).Predict(input).Score;
            }
            """,
        1 => $$"""
            public static class Schema{{i}}
            {
                public static readonly TextLoader.Column[] Columns =
                {
                    new TextLoader.Column("Temperature", DataKind.Single, 0),
                    new TextLoader.Column("Humidity", DataKind.Single, 1),
                    new TextLoader.Column("Label", DataKind.Single, 2),
                };
            }

            public static class Forecast{{i}}
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile(path, Schema{{i}}.Columns, ',');
                    return ml.Transforms.Concatenate("Features", "Temperature", "Humidity")
                        .Append(ml.Regression.Trainers.Sdca())
                        .Fit(data);
                }
            }
            """,
        2 => $$"""
            public sealed class Applicant{{i}}
            {
                public double Income { get; init; }
                public double Debt { get; init; }
                public string Race { get; init; } = "";
            }

            public interface IScorer{{i}} { double Score(double[] features); }

            public sealed class Scoring{{i}}(IScorer{{i}} scorer)
            {
                public double Assess(Applicant{{i}} a) => scorer.Score(new[] { a.Income, a.Debt });

                public IEnumerable<double> AssessAll(IEnumerable<Applicant{{i}}> applicants) => applicants.Select(Assess);
            }
            """,
        3 => $$"""
            public sealed class Order{{i}}
            {
                public int Id { get; set; }
                public decimal Total { get; set; }
                public string Customer { get; set; } = "";
                public DateTime Placed { get; set; }
            }

            public sealed class OrderService{{i}}
            {
                private readonly List<Order{{i}}> _orders = new();

                public void Add(Order{{i}} order) => _orders.Add(order);

                public decimal Revenue(DateTime from) => _orders.Where(o => o.Placed >= from).Sum(o => o.Total);

                public IReadOnlyList<string> TopCustomers(int count) =>
                    _orders.GroupBy(o => o.Customer).OrderByDescending(g => g.Sum(o => o.Total)).Take(count).Select(g => g.Key).ToList();

                public string Describe(Order{{i}} o) => $"#{o.Id} {o.Customer} {o.Total:C}";
            }
            """,
        _ => $$"""
            public sealed class Row{{i}}
            {
                [LoadColumn(0)] public float Tenure { get; set; }
                [LoadColumn(1)] public float Spend { get; set; }
                [LoadColumn(2)] public float Age { get; set; }
                [LoadColumn(3)] public bool Churned { get; set; }
            }

            public static class Loader{{i}}
            {
                public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Row{{i}}>(path, ',');
            }

            public static class Churn{{i}}
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = Loader{{i}}.Load(ml, path);
                    var options = new Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Churned" };
                    return ml.Transforms.Concatenate("Features", "Tenure", "Spend")
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(options))
                        .Fit(data);
                }
            }
            """,
    };
}
