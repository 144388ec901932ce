using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// FG0001's fix on ML.NET pipelines, compiled against the REAL Microsoft.ML 5.0.1 (+ FastTree, LightGbm; resolved
/// by <c>ReferenceAssemblies.AddPackages</c>) and the real src/FairnessGuard.ML, no stub: the fix appends
/// FairnessGuard.ML's DemographicParity after the trainer, Fix All does every pipeline, and the result compiles
/// with no FG diagnostic left (issue 14.1, 14.4).
/// </summary>
public class RealMlNetFixTests
{
    internal const string Input = """
        using Microsoft.ML.Data;

        namespace Loans;

        public sealed class LoanInput
        {
            [LoadColumn(0)] public float Income { get; set; }
            [LoadColumn(1)] public float Debt { get; set; }
            [LoadColumn(2)] public float Years { get; set; }
            [LoadColumn(3)] public string Gender { get; set; } = "";
            [LoadColumn(4)] public bool Label { get; set; }
        }
        """;

    internal const string Trainer = """
        using Microsoft.ML;

        namespace Loans;

        public sealed class LoanTrainer
        {
            private readonly MLContext _ml = new MLContext(seed: 1);

            public ITransformer Train(string path)
            {
                var mlContext = new MLContext(seed: 1);
                IDataView data = mlContext.Data.LoadFromTextFile<LoanInput>(path, ',', hasHeader: true);
                var pipeline = mlContext.Transforms.Concatenate("Features", "Income", "Debt", "Years")
                    .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
                return pipeline.Fit(data);
            }

            public ITransformer Retrain(IDataView data)
            {
                var _ = _ml.Data.LoadFromTextFile<LoanInput>("loans.csv", ',', hasHeader: true);
                var pipeline = _ml.Transforms.Concatenate("Features", "Income", "Debt")
                    .Append(_ml.Regression.Trainers.FastTree())
                    .AppendCacheCheckpoint(_ml);
                return pipeline.Fit(data);
            }
        }
        """;

    /// <summary>Each pipeline with the estimator right after its trainer, on the trainer's own MLContext.</summary>
    private static readonly string TrainerFixed = "using FairnessGuard.ML;\n" + Trainer
        .Replace(
            ".Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());",
            ".Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression()).Append(mlContext.Transforms.DemographicParity(groupColumnName: \"Gender\", scoreColumnName: \"Score\"));",
            StringComparison.Ordinal)
        .Replace(
            ".Append(_ml.Regression.Trainers.FastTree())\n",
            ".Append(_ml.Regression.Trainers.FastTree()).Append(_ml.Transforms.DemographicParity(groupColumnName: \"Gender\", scoreColumnName: \"Score\"))\n",
            StringComparison.Ordinal);

    /// <summary>An applicant input with two sensitive columns, both left out of the features.</summary>
    private static readonly string TwoGroupInput = Input.Replace(
        "[LoadColumn(2)] public float Years { get; set; }",
        "[LoadColumn(2)] public string Race { get; set; } = \"\";",
        StringComparison.Ordinal);

    private const string TwoGroupTrainer = """
        using Microsoft.ML;

        namespace Loans;

        public static class LoanTrainer
        {
            public static ITransformer Train(MLContext mlContext, string path)
            {
                IDataView data = mlContext.Data.LoadFromTextFile<LoanInput>(path, ',', hasHeader: true);
                var pipeline = {|#0:mlContext.Transforms.Concatenate("Features", "Income", "Debt")|}
                    .Append(mlContext.BinaryClassification.Trainers.LightGbm());
                return pipeline.Fit(data);
            }
        }
        """;

    /// <summary>One estimator over both columns: their intersection, through the real DemographicParityOptions.</summary>
    private static readonly string TwoGroupTrainerFixed = "using FairnessGuard.ML;\n" + TwoGroupTrainer
        .Replace("{|#0:", string.Empty, StringComparison.Ordinal)
        .Replace("\"Debt\")|}", "\"Debt\")", StringComparison.Ordinal)
        .Replace(
            ".Append(mlContext.BinaryClassification.Trainers.LightGbm());",
            ".Append(mlContext.BinaryClassification.Trainers.LightGbm()).Append(mlContext.Transforms.DemographicParity(new DemographicParityOptions { GroupColumnNames = new[] { \"Gender\", \"Race\" }, Combination = GroupCombination.Intersection, ScoreColumnName = \"Score\" }));",
            StringComparison.Ordinal);

    [Fact]
    public async Task EachPipelineGetsTheRealDemographicParityAfterItsTrainer()
    {
        // One pipeline per iteration (Train's, then Retrain's), or both in one Fix All; no FG diagnostic is left.
        var trainer = Trainer
            .Replace("mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\", \"Years\")", "{|FG0001:mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\", \"Years\")|}", StringComparison.Ordinal)
            .Replace("_ml.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")", "{|FG0001:_ml.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")|}", StringComparison.Ordinal);
        await new FixTest<AddOutputPolicyCodeFixProvider>(mlNet: true) { NumberOfIncrementalIterations = 2, NumberOfFixAllIterations = 1 }
            .WithFix("/0/LoanTrainer.cs", trainer, TrainerFixed)
            .WithUnchanged("/0/LoanInput.cs", Input)
            .RunAsync();
    }

    [Fact]
    public async Task APipelineThatDropsSeveralSensitiveColumnsGetsOneEstimatorOverTheirIntersection()
    {
        // Two FG0001 on the one Concatenate (Gender, Race): one action appends one estimator over both, whose
        // intersection cells make each column's groups equal too; the result binds the real DemographicParityOptions.
        var test = new FixTest<AddOutputPolicyCodeFixProvider>(mlNet: true) { NumberOfIncrementalIterations = 1, NumberOfFixAllIterations = 1 }
            .WithFix("/0/LoanTrainer.cs", TwoGroupTrainer, TwoGroupTrainerFixed)
            .WithUnchanged("/0/LoanInput.cs", TwoGroupInput);
        await ExpectDroppedGenderAndRace(test).RunAsync();
    }

    /// <summary>The two FG0001 of <see cref="TwoGroupTrainer"/>, both on its Concatenate call (marker 0).</summary>
    private static FixTest<AddOutputPolicyCodeFixProvider> ExpectDroppedGenderAndRace(FixTest<AddOutputPolicyCodeFixProvider> test)
    {
        foreach (var column in new[] { "Gender", "Race" })
        {
            test.TestState.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleIdentifiers.SensitiveAttributeDropped, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    $"LoanInput.{column}",
                    "the model input 'LoanInput'",
                    "left out of Concatenate(\"Features\", …)",
                    $".Append(mlContext.Transforms.DemographicParity(groupColumnName: \"{column}\")) after the trainer, or [DemographicParity(nameof(LoanInput.{column}))] on the method that returns the score"));
        }

        return test;
    }
    [Fact]
    public async Task TheFixOfAProxyDiagnosticAlsoCoversEveryColumnThePipelineDrops()
    {
        // FG0002 sits on the kept proxy, not on Concatenate: the fix still finds the pipeline's FG0001s (Gender, Race)
        // and appends one estimator over both, so no dropped column is left unguarded when the pipeline falls silent.
        var input = TwoGroupInput.Replace("[LoadColumn(4)] public bool Label", "[LoadColumn(5)] public string ZipCode { get; set; } = \"\";\n    [LoadColumn(4)] public bool Label", StringComparison.Ordinal);
        var trainer = TwoGroupTrainer.Replace("\"Income\", \"Debt\")", "\"Income\", \"Debt\", {|FG0002:\"ZipCode\"|})", StringComparison.Ordinal);
        var test = new FixTest<AddOutputPolicyCodeFixProvider>(mlNet: true) { FixOnly = RuleIdentifiers.ProxyKept, NumberOfIncrementalIterations = 1, NumberOfFixAllIterations = 1 }
            .WithFix("/0/LoanTrainer.cs", trainer, TwoGroupTrainerFixed.Replace("\"Income\", \"Debt\")", "\"Income\", \"Debt\", \"ZipCode\")", StringComparison.Ordinal))
            .WithUnchanged("/0/LoanInput.cs", input);
        await ExpectDroppedGenderAndRace(test).RunAsync();
    }
}
