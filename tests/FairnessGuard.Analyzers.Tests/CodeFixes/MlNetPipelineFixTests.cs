using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.Analyzers.Tests.Rules;
using FairnessGuard.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// FG0001's fix on an ML.NET pipeline appends FairnessGuard.ML's parity estimator after the trainer (issue 14.1,
/// issue 15.5), never a policy on the training method; where no valid target exists, no fix is offered.
/// </summary>
public class MlNetPipelineFixTests
{
    private static TestProject Project(string trainer, bool withFairnessMl = true)
    {
        var test = new TestProject().WithSource(MlNetSources.LoanInput.Replace("public class LoanInput", "namespace Loans { public class LoanInput", StringComparison.Ordinal).Replace("public class LoanScore", "public class LoanScore", StringComparison.Ordinal) + "\n}").WithSource(trainer);
        return withFairnessMl ? test.WithSource(MlNetFixSources.FairnessMlStub) : test;
    }

    [Fact]
    public async Task FixAppendsDemographicParityAfterTheTrainerAndTheResultIsSilentAndCompiles()
    {
        var (text, remaining) = await CodeFixRunner.FixAsync(Project(MlNetFixSources.LoanTrainer), new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.Contains("using FairnessGuard.ML;", normalized, StringComparison.Ordinal);
        // The first reported pipeline (the driver's order) gets the estimator right after its trainer, with the
        // same MLContext expression; the other pipeline keeps its diagnostic for its own fix.
        Assert.Equal(1, Count(normalized, ".Transforms.DemographicParity("));
        Assert.Matches(@"\.Append\((mlContext|_ml)\.(BinaryClassification|Regression)\.Trainers\.\w+\(\)\)\.Append\(\1\.Transforms\.DemographicParity\(groupColumnName: ""Gender"", scoreColumnName: ""Score""\)\)", normalized);
        Assert.DoesNotContain("[DemographicParity", normalized, StringComparison.Ordinal);
        var left = Assert.Single(remaining);
        Assert.Equal(RuleIdentifiers.SensitiveAttributeDropped, left.Id);
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task FixAllAppendsOneEstimatorPerTrainerAndLeavesNoDiagnostic(FixAllScope scope)
    {
        var (text, remaining) = await CodeFixRunner.FixAsync(Project(MlNetFixSources.LoanTrainer), new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped, fixAll: true, scope: scope);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.Equal(1, Count(normalized, "mlContext.Transforms.DemographicParity(groupColumnName: \"Gender\""));
        Assert.Contains(".Append(_ml.Regression.Trainers.FastTree()).Append(_ml.Transforms.DemographicParity(groupColumnName: \"Gender\", scoreColumnName: \"Score\"))\n", normalized, StringComparison.Ordinal);
        Assert.Equal(1, Count(normalized, "using FairnessGuard.ML;"));
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task TheFixNeverPutsAPolicyOnTheTrainingMethod()
    {
        // Without FairnessGuard.ML there is no estimator to append, and the training method returns no score: no fix.
        Assert.Empty(await CodeFixRunner.OffersAsync(Project(MlNetFixSources.LoanTrainer, withFairnessMl: false), new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped));
    }

    [Theory]
    [InlineData("mlContext.Transforms.DropColumns(\"Gender\").Append(mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\")).Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())")]
    [InlineData("mlContext.Transforms.Concatenate(\"Features\", \"Income\", \"Debt\").Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy())")]
    public async Task NoFixWhereTheGroupColumnIsGoneOrTheScoreIsNotAScalar(string pipeline)
    {
        var source = System.Text.RegularExpressions.Regex.Replace(
            MlNetFixSources.LoanTrainer,
            @"mlContext\.Transforms\.Concatenate\(""Features"", ""Income"", ""Debt"", ""Years""\)\s*\.Append\(mlContext\.BinaryClassification\.Trainers\.SdcaLogisticRegression\(\)\)",
            pipeline.Replace("$", "$$", StringComparison.Ordinal));
        Assert.NotEqual(MlNetFixSources.LoanTrainer, source);
        var (project, _) = Project(source).Build();
        var diagnostic = (await AnalyzerRunner.RunAsync(project)).First(d => d.Id == RuleIdentifiers.SensitiveAttributeDropped && d.Location.GetLineSpan().StartLinePosition.Line < 16);
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        await new AddOutputPolicyCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        Assert.Empty(actions);
    }

    [Theory]
    [InlineData(".Append(mlContext.Transforms.DemographicParity(groupColumnName: GroupColumn))")]
    [InlineData(".Append(mlContext.Transforms.FairLinearProjection(GroupColumn))")]
    public async Task APipelineWithTheParityEstimatorOrTheFairProjectionIsSilent(string append)
    {
        // The group column comes from a non-constant field: the estimator call itself is what silences the rule.
        var source = MlNetFixSources.LoanTrainer
            .Replace("using Microsoft.ML;", "using Microsoft.ML;\nusing FairnessGuard.ML;", StringComparison.Ordinal)
            .Replace("public sealed class LoanTrainer\n{", "public sealed class LoanTrainer\n{\n    private static readonly string GroupColumn = Pick();\n    private static string Pick() => \"Gen\" + \"der\";", StringComparison.Ordinal)
            .Replace(".Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())", ".Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())" + append, StringComparison.Ordinal)
            .Replace(".Append(_ml.Regression.Trainers.FastTree())", ".Append(_ml.Regression.Trainers.FastTree())" + append.Replace("mlContext", "_ml", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, Count(source, "(GroupColumn)") + Count(source, ": GroupColumn)"));
        var (project, _) = Project(source).Build();
        Assert.Empty(await AnalyzerRunner.RunAsync(project));
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
