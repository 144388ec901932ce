using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0001 on an ML.NET pipeline whose input type is loaded in another class: inferred only when one candidate fits.</summary>
public class MlNetInferredInputTests
{
    private const string Subscriber = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class Subscriber
        {
            [LoadColumn(0)] public float Tenure { get; set; }
            [LoadColumn(1)] public float Spend { get; set; }
            [LoadColumn(2)] public string Gender { get; set; } = "";
            [LoadColumn(3), ColumnName("Label")] public bool Churned { get; set; }
        }

        public static class DataLoading
        {
            public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Subscriber>(path, ',');
        }
        """;

    [Fact]
    public async Task TheOneInputTypeWithEveryColumnOfThePipelineIsUsed()
    {
        var diagnostics = await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
                        .Append(ml.BinaryClassification.Trainers.FastForest());
            }
            """).VerifyAsync();

        var message = Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("'Subscriber.Gender' is available on the model input 'Subscriber' but is left out of Concatenate(\"Features\", …)", message, StringComparison.Ordinal);
        Assert.Contains("nameof(Subscriber.Gender)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnsFollowedBackThroughTransformsSelectTheInput()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    ml.Transforms.NormalizeMinMax("TenureScaled", "Tenure")
                        .Append({|FG0001:ml.Transforms.Concatenate("Features", "TenureScaled", "Spend")|})
                        .Append(ml.BinaryClassification.Trainers.FastForest());
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task TwoCandidateTypesThatBothFitAreNotGuessedBetween()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public sealed class LegacySubscriber
            {
                [LoadColumn(0)] public float Tenure { get; set; }
                [LoadColumn(1)] public float Spend { get; set; }
                [LoadColumn(2), ColumnName("Label")] public bool Churned { get; set; }
            }

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    ml.Transforms.Concatenate("Features", "Tenure", "Spend")
                        .Append(ml.BinaryClassification.Trainers.FastForest());
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task ACandidateWithoutOneOfThePipelineColumnsIsNotUsed()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    ml.Transforms.Concatenate("Features", "Tenure", "Spend", "SupportCalls")
                        .Append(ml.BinaryClassification.Trainers.FastForest());
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task ACandidateWithoutTheLabelColumnIsNotUsed()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    ml.Transforms.Concatenate("Features", "Tenure", "Spend")
                        .Append(ml.BinaryClassification.Trainers.FastForest(labelColumnName: "Cancelled"));
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task SensitiveColumnUsedAsTheLabelIsNotReported()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;

            public static class GenderPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    ml.Transforms.Conversion.MapValueToKey("Label", "Gender")
                        .Append(ml.Transforms.Concatenate("Features", "Tenure", "Spend"))
                        .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task SensitiveColumnReadByAnotherTransformIsNotReported()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    ml.Transforms.Categorical.OneHotEncoding("GenderKey", "Gender")
                        .Append(ml.Transforms.Concatenate("Features", "Tenure", "Spend"))
                        .Append(ml.BinaryClassification.Trainers.FastForest());
            }
            """).VerifyAsync();
    }
}
