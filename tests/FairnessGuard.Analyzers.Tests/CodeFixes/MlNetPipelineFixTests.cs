using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// Where FG0001's ML.NET fix must NOT act, against the real Microsoft.ML 5.0.1: never a policy on the training
/// method, no estimator where the group column is gone or the score is not a scalar, and a pipeline that already
/// carries FairnessGuard.ML's estimator or fair projection is silent (issue 14.1, 15.5).
/// </summary>
public class MlNetPipelineFixTests
{
    private static string Pipeline(string pipeline, string extraMembers = "", string usings = "") => $$"""
        using Microsoft.ML;
        {{usings}}
        namespace Loans;

        public static class LoanTrainer
        {
            {{extraMembers}}
            public static ITransformer Train(MLContext mlContext, IDataView data)
            {
                var pipeline = {{pipeline}};
                return pipeline.Fit(data);
            }
        }
        """;

    private static Task NoChangeAsync(string source, bool fairnessGuardMl = true) =>
        new FixTest<AddOutputPolicyCodeFixProvider>(mlNet: true, fairnessGuardMl)
            .WithFix("/0/LoanTrainer.cs", source, source)
            .WithUnchanged("/0/LoanInput.cs", RealMlNetFixTests.Input)
            .RunAsync();

    [Fact]
    public async Task WithoutFairnessGuardMlThereIsNoFixAndNeverAPolicyOnTheTrainingMethod()
    {
        // No estimator to append, and the training method returns no score: the warnings stay, with no fix.
        var trainer = RealMlNetFixTests.Trainer
            .Replace("mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\", \"Years\")", "{|FG0001:mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\", \"Years\")|}", StringComparison.Ordinal)
            .Replace("_ml.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")", "{|FG0001:_ml.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")|}", StringComparison.Ordinal);
        await NoChangeAsync(trainer, fairnessGuardMl: false);
    }

    [Theory]
    [InlineData("mlContext.Transforms.DropColumns({|FG0001:\"Gender\"|}).Append(mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")).Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())")]
    [InlineData("{|FG0001:mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")|}.Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy())")]
    public async Task NoFixWhereTheGroupColumnIsGoneOrTheScoreIsNotAScalar(string pipeline)
    {
        await NoChangeAsync(Pipeline(pipeline));
    }

    [Theory]
    [InlineData(".Append(mlContext.Transforms.DemographicParity(groupColumnName: GroupColumn))")]
    [InlineData(".Append(mlContext.Transforms.DemographicParity(new DemographicParityOptions { GroupColumnNames = new[] { GroupColumn } }))")]
    [InlineData(".Append(mlContext.Transforms.FairLinearProjection(GroupColumn))")]
    public async Task APipelineWithTheParityEstimatorOrTheFairProjectionIsSilent(string append)
    {
        // The group column comes from a non-constant field: the estimator call itself is what silences the rule.
        var members = "private static readonly string GroupColumn = Pick();\n\n    private static string Pick() => \"Gen\" + \"der\";\n";
        var source = Pipeline(
            "mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\").Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())" + append,
            members,
            "using FairnessGuard.ML;\n");
        await NoChangeAsync(source);
    }
}
