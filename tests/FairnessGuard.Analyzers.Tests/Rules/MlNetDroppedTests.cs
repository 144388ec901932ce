using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0001 on ML.NET pipelines (shape 1).</summary>
public class MlNetDroppedTests
{
    [Fact]
    public async Task ConcatenateLeavingOutSensitiveColumnsIsReported()
    {
        var diagnostics = await new TestProject().WithSource(MlNetSources.AdultInput).WithSource("""
            using Microsoft.ML;

            public static class AdultTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<AdultInput>(path, ',', hasHeader: true);
                    var pipeline = ml.Transforms.Categorical.OneHotEncoding("WorkclassKey", "Workclass")
                        .Append(ml.Transforms.Categorical.OneHotEncoding("EducationKey", "Education"))
                        .Append({|FG0001:{|FG0001:{|FG0001:{|FG0001:ml.Transforms.Concatenate("Features", "WorkclassKey", "EducationKey", "HoursPerWeek")|}|}|}|})
                        .Append(ml.BinaryClassification.Trainers.FastTree());
                    return pipeline.Fit(data);
                }
            }
            """).VerifyAsync();

        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.StartsWith("'AdultInput.Sex' is available on the model input 'AdultInput' but is left out of Concatenate(\"Features\", …)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'AdultInput.Race'") && m.Contains("nameof(AdultInput.Race)"));
        Assert.Contains(messages, m => m.Contains("'AdultInput.Age'"));
        Assert.Contains(messages, m => m.Contains("'AdultInput.MaritalStatus'"));
    }

    [Fact]
    public async Task DropColumnsOfASensitiveColumnBeforeTheTrainerIsReportedAndTheMessageAsksToKeepItInTheData()
    {
        // The column is gone when an estimator appended after the trainer runs: appending alone cannot work.
        var diagnostics = await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.DropColumns([|"Gender"|], "ZipCode")
                        .Append(ml.Transforms.Concatenate("Features", "Income", "Debt", "Years"))
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    return pipeline.Fit(data);
                }
            }
            """).VerifyAsync();

        var message = Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith(
            "such as [DemographicParity(nameof(LoanInput.Gender))] on the method that returns the score, or keep 'Gender' in the data "
            + "(leaving it out of Concatenate(\"Features\", …) already keeps it from the model) and "
            + ".Append(mlContext.Transforms.DemographicParity(groupColumnName: \"Gender\")) after the trainer",
            message);
    }

    [Fact]
    public async Task SelectColumnsThatDoesNotKeepTheSensitiveColumnIsReported()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public class LoanModel
            {
                private readonly MLContext _ml = new(seed: 1);

                public ITransformer Train(IEnumerable<LoanInput> rows)
                {
                    var data = _ml.Data.LoadFromEnumerable(rows);
                    var pipeline = [|_ml.Transforms.SelectColumns("Income", "Debt", "Years", "ZipCode", "Label")|]
                        .Append(_ml.Transforms.Categorical.OneHotEncoding("ZipKey", "ZipCode"))
                        .Append(_ml.Transforms.Concatenate("Features", "Income", "Debt", "Years", "ZipKey"))
                        .Append(_ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
                    return pipeline.Fit(data);
                }
            }
            """).WithEditorConfig("dotnet_diagnostic.FG0002.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task NoColumnOnASensitiveMemberIsReportedAtTheFeatureConcatenation()
    {
        await new TestProject().WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public class ClaimInput
            {
                [LoadColumn(0)] public float Amount { get; set; }
                [LoadColumn(1)] public float PriorClaims { get; set; }
                [NoColumn] public string Ethnicity { get; set; } = "";
                [LoadColumn(2), ColumnName("Label")] public bool Fraud { get; set; }
            }

            public static class FraudTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<ClaimInput>(path, ',');
                    var pipeline = [|ml.Transforms.Concatenate("Features", "Amount", "PriorClaims")|]
                        .Append(ml.BinaryClassification.Trainers.FastForest());
                    return pipeline.Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task TextLoaderColumnListAndTopLevelProgramAreUnderstood()
    {
        await new TestProject().WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            var ml = new MLContext();
            var columns = new[]
            {
                new TextLoader.Column("Salary", DataKind.Single, 0),
                new TextLoader.Column("Tenure", DataKind.Single, 1),
                new TextLoader.Column("Religion", DataKind.String, 2),
                new TextLoader.Column("Label", DataKind.Boolean, 3),
            };
            var data = ml.Data.LoadFromTextFile("promotions.csv", columns, ',', hasHeader: true);
            var pipeline = [|ml.Transforms.Concatenate("Features", "Salary", "Tenure")|]
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
            """).VerifyAsync();
    }

    [Fact]
    public async Task InputTypeLoadedInAnotherMethodOfTheClassIsFound()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public class LoanPipeline
            {
                private readonly MLContext _ml = new();

                public IDataView Load(string path) => _ml.Data.LoadFromTextFile<LoanInput>(path, ',');

                public IEstimator<ITransformer> Build() =>
                    [|_ml.Transforms.Concatenate("Features", "Income", "Debt", "Years")|]
                        .Append(_ml.BinaryClassification.Trainers.SdcaLogisticRegression());
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task FeatureListHeldInALocalArrayIsResolved()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public static class LoanTrainer
            {
                private static readonly string[] FeatureColumns = { "Income", "Debt", "Years" };

                public static ITransformer Train(MLContext ml, IDataView data)
                {
                    _ = ml.Data.LoadFromEnumerable(new List<LoanInput>());
                    var pipeline = [|ml.Transforms.Concatenate("Features", FeatureColumns)|]
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    return pipeline.Fit(data);
                }
            }
            """).VerifyAsync();
    }
}
