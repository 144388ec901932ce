using FairnessGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001's severity on an ML.NET pipeline whose data is loaded in another class (issue 14.3): a warning only
/// when the input type is certain — the block's own loader helper names it, or it is the one type the project
/// loads its data as — and Info when it is inferred among several possibilities.
/// </summary>
public class MlNetLoadedElsewhereTests
{
    private const string Subscriber = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class Subscriber
        {
            [LoadColumn(0)] public float Tenure { get; set; }
            [LoadColumn(1)] public float Spend { get; set; }
            [LoadColumn(2)] public string Gender { get; set; } = "";
            [LoadColumn(3)] public bool Churned { get; set; }
        }

        public static class DataLoading
        {
            public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Subscriber>(path, ',');
        }
        """;

    /// <summary>Another data type the project loads (no Gender, no Churned): the pipeline's input is no longer the only possibility.</summary>
    private const string OtherLoadedType = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class Invoice
        {
            [LoadColumn(0)] public float Amount { get; set; }
            [LoadColumn(1)] public bool Paid { get; set; }
        }

        public static class InvoiceLoading
        {
            public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Invoice>(path, ',');
        }
        """;

    /// <summary>LightGBM and FastTree trainers configured by options objects (declared here: the shared stub has neither).</summary>
    private const string OptionTrainers = """
        #nullable disable
        namespace Microsoft.ML.Trainers.LightGbm
        {
            public sealed class LightGbmBinaryTrainer : Microsoft.ML.Trainers.TrainerEstimatorBase
            {
                public sealed class Options { public string LabelColumnName { get; set; } = "Label"; public string FeatureColumnName { get; set; } = "Features"; public int NumberOfLeaves { get; set; } }
            }
        }

        namespace Microsoft.ML.Trainers.FastTree
        {
            public sealed class FastTreeOptionsTrainer : Microsoft.ML.Trainers.TrainerEstimatorBase
            {
                public sealed class Options { public string LabelColumnName { get; set; } = "Label"; public string FeatureColumnName { get; set; } = "Features"; public int NumberOfTrees { get; set; } }
            }
        }

        namespace Microsoft.ML
        {
            public static class OptionTrainerExtensions
            {
                public static Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer LightGbm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer.Options options) => throw new System.NotImplementedException();
                public static Microsoft.ML.Trainers.FastTree.FastTreeOptionsTrainer FastTree(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, Microsoft.ML.Trainers.FastTree.FastTreeOptionsTrainer.Options options) => throw new System.NotImplementedException();
            }
        }
        """;

    /// <summary>A pipeline returned as an estimator, its label named by the trainer: the data is loaded elsewhere.</summary>
    private const string NamedLabelPipeline = """
        using Microsoft.ML;

        public static class ChurnPipeline
        {
            public static IEstimator<ITransformer> Create(MLContext ml) =>
                {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
                    .Append(ml.BinaryClassification.Trainers.FastForest(labelColumnName: "Churned"));
        }
        """;

    private static async Task<Diagnostic> SingleFg0001(TestProject project)
    {
        var diagnostics = await project.VerifyAsync();
        return Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.SensitiveAttributeDropped);
    }

    [Theory]
    [InlineData("ml.BinaryClassification.Trainers.FastForest(labelColumnName: \"Churned\")")]
    [InlineData("ml.BinaryClassification.Trainers.SdcaLogisticRegression(new Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = \"Churned\", MaximumNumberOfIterations = 100 })")]
    [InlineData("ml.BinaryClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer.Options { LabelColumnName = \"Churned\", NumberOfLeaves = 31 })")]
    [InlineData("ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeOptionsTrainer.Options { NumberOfTrees = 50, LabelColumnName = nameof(Subscriber.Churned) })")]
    public async Task TheOneLoadedTypeWithTheNamedLabelIsCertain(string trainer)
    {
        var diagnostic = await SingleFg0001(new TestProject().WithSource(Subscriber).WithSource(OptionTrainers).WithSource($$"""
            using Microsoft.ML;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml) =>
                    {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
                        .Append({{trainer}});
            }
            """));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task AnOptionsLocalNamesTheLabelToo()
    {
        var diagnostic = await SingleFg0001(new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Trainers;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml)
                {
                    var options = new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Churned" };
                    return {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(options));
                }
            }
            """));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task TheBlocksOwnLoaderHelperIsFollowedEvenWhenOtherTypesAreLoaded()
    {
        var diagnostic = await SingleFg0001(new TestProject().WithSource(Subscriber).WithSource(OtherLoadedType).WithSource("""
            using Microsoft.ML;

            public static class ChurnTraining
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = DataLoading.Load(ml, path);
                    var pipeline = {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
                        .Append(ml.BinaryClassification.Trainers.FastForest(labelColumnName: "Churned"));
                    return pipeline.Fit(data);
                }
            }
            """));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'Subscriber.Gender'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrapAnotherLoadedTypeLeavesTheInferredInputAGuess()
    {
        var diagnostic = await SingleFg0001(new TestProject().WithSource(Subscriber).WithSource(OtherLoadedType).WithSource(NamedLabelPipeline));

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Theory]
    [InlineData("ml.Data.LoadFromEnumerable(rows)")]
    [InlineData("CsvFrames.LoadCsv(\"rows.csv\")")]
    [InlineData("ml.Data.LoadFromTextFile(\"rows.csv\", new[] { new Microsoft.ML.Data.TextLoader.Column(\"Tenure\", Microsoft.ML.Data.DataKind.Single, 0) })")]
    public async Task TrapAnUntypedOrInferredLoadLeavesTheInputAGuess(string load)
    {
        var diagnostic = await SingleFg0001(new TestProject().WithSource(Subscriber).WithSource($$"""
            using Microsoft.ML;

            public sealed class Snapshot
            {
                public float Tenure { get; set; }
            }

            public static class CsvFrames
            {
                public static IDataView LoadCsv(string path) => throw new System.NotSupportedException(path);
            }

            public static class OtherData
            {
                public static IDataView Load(MLContext ml, List<Snapshot> rows) => {{load}};
            }
            """).WithSource(NamedLabelPipeline));

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public async Task TrapATypeThatIsOnlyAttributedIsAGuess()
    {
        var attributedOnly = Subscriber.Replace("ml.Data.LoadFromTextFile<Subscriber>(path, ',')", "throw new System.NotSupportedException(path)", StringComparison.Ordinal);
        var diagnostic = await SingleFg0001(new TestProject().WithSource(attributedOnly).WithSource(NamedLabelPipeline));

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public async Task TrapAHelperThatLoadsTwoTypesIsNotFollowed()
    {
        var diagnostic = await SingleFg0001(new TestProject().WithSource(Subscriber).WithSource(OtherLoadedType).WithSource("""
            using Microsoft.ML;

            public static class Mixed
            {
                public static IDataView Load(MLContext ml, string path, bool invoices) =>
                    invoices ? ml.Data.LoadFromTextFile<Invoice>(path, ',') : ml.Data.LoadFromTextFile<Subscriber>(path, ',');
            }

            public static class ChurnTraining
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = Mixed.Load(ml, path, invoices: false);
                    var pipeline = {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
                        .Append(ml.BinaryClassification.Trainers.FastForest(labelColumnName: "Churned"));
                    return pipeline.Fit(data);
                }
            }
            """));

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public async Task TrapALabelNamedByANonConstantOptionFindsNoInput()
    {
        await new TestProject().WithSource(Subscriber).WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Trainers;

            public static class ChurnPipeline
            {
                public static IEstimator<ITransformer> Create(MLContext ml, string label) =>
                    ml.Transforms.Concatenate("Features", "Tenure", "Spend")
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = label }));
            }
            """).VerifyAsync();
    }
}
