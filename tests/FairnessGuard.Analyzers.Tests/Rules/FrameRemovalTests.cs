using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on column removals from data frames (shape 3), with the libraries' real shapes declared in their
/// own namespaces: Microsoft.Data.Analysis, Deedle, Microsoft.Spark.
/// </summary>
public class FrameRemovalTests
{
    internal const string DataAnalysis = """
        namespace Microsoft.Data.Analysis
        {
            public abstract class DataFrameColumn { public string Name { get; set; } = ""; }

            public class DataFrameColumnCollection : System.Collections.ObjectModel.Collection<DataFrameColumn>
            {
                public void Remove(string columnName) { }
                public int IndexOf(string columnName) => 0;
            }

            public class DataFrame
            {
                public DataFrameColumnCollection Columns { get; } = new();
                public static DataFrame LoadCsv(string path) => new();
            }
        }

        public interface IFrameModel
        {
            void Fit(Microsoft.Data.Analysis.DataFrame features, string label);
            float[] Predict(Microsoft.Data.Analysis.DataFrame features);
        }
        """;

    internal const string Deedle = """
        namespace Deedle
        {
            public class Frame<TRowKey, TColumnKey>
            {
                public void DropColumn(TColumnKey column) { }
            }
        }

        public interface IDeedleModel { double[] Predict(Deedle.Frame<int, string> frame); }
        """;

    internal const string Spark = """
        namespace Microsoft.Spark.Sql
        {
            public sealed class DataFrame
            {
                public DataFrame Drop(params string[] colNames) => this;
                public void Show() { }
            }
        }

        public interface ISparkModel { object Fit(Microsoft.Spark.Sql.DataFrame data); }
        """;

    [Fact]
    public async Task DataAnalysisColumnRemovedByNameOrPositionBeforeFitIsReported()
    {
        await new TestProject().WithSource(DataAnalysis).WithSource("""
            using Microsoft.Data.Analysis;

            public static class Training
            {
                public static void Train(IFrameModel model, string path)
                {
                    var df = DataFrame.LoadCsv(path);
                    [|df.Columns.Remove("Sex")|];
                    [|df.Columns.RemoveAt(df.Columns.IndexOf("Race"))|];
                    df.Columns.RemoveAt(df.Columns.IndexOf("RowId"));
                    model.Fit(df, "Income");
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task DeedleDropColumnBeforePredictIsReported()
    {
        await new TestProject().WithSource(Deedle).WithSource("""
            public static class Scoring
            {
                public static double[] Run(IDeedleModel model, Deedle.Frame<int, string> applicants)
                {
                    [|applicants.DropColumn("MaritalStatus")|];
                    return model.Predict(applicants);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task SparkDropOfSeveralNamesIsReportedOnEachSensitiveName()
    {
        var diagnostics = await new TestProject().WithSource(Spark).WithSource("""
            using Microsoft.Spark.Sql;

            public static class Training
            {
                public static object Train(ISparkModel model, DataFrame people)
                {
                    var features = people.Drop([|"sex"|], [|"race"|], "id");
                    return model.Fit(features);
                }

                public static object TrainArray(ISparkModel model, DataFrame people) =>
                    model.Fit(people.Drop(new[] { [|"religion"|], "id" }));
            }
            """).VerifyAsync();

        // The analyzer runs concurrently: the diagnostics come in no set order.
        Assert.Contains(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .Contains("removed by 'people'.Drop(\"sex\"), whose result goes to the model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ParamsHelperRemovingSeveralColumnsInPlaceIsReported()
    {
        await new TestProject().WithSource(DataAnalysis).WithSource("""
            using Microsoft.Data.Analysis;

            public static class FrameExtensions
            {
                public static DataFrame DropColumns(this DataFrame frame, params string[] names) => frame;
            }

            public static class Training
            {
                private const string Gender = "Gender";

                public static float[] Score(IFrameModel model, DataFrame frame)
                {
                    frame.DropColumns([|Gender|], [|"Nationality"|], "Notes");
                    return model.Predict(frame);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task RemoveWhoseSuccessIsTestedStillChangesTheReceiver()
    {
        await new TestProject().WithSource("""
            public interface IClassifier { bool Classify(Dictionary<string, float> features); }

            public static class Screening
            {
                public static bool Screen(IClassifier classifier, Dictionary<string, float> row, List<string> notes)
                {
                    var features = new Dictionary<string, float>(row);
                    if ([|features.Remove("ethnicity")|])
                    {
                        notes.Add("ethnicity removed");
                    }

                    return classifier.Classify(features);
                }
            }
            """).VerifyAsync();
    }
}
