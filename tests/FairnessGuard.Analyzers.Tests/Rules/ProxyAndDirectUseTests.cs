using FairnessGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0002 (proxy kept, info) and FG0004 (sensitive attribute used directly, opt-in) on ML.NET pipelines.</summary>
public class ProxyAndDirectUseTests
{
    private const string Pipeline = """
        using Microsoft.ML;

        public static class AdultTrainer
        {
            public static ITransformer Train(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<AdultInput>(path, ',');
                var pipeline = ml.Transforms.DropColumns({|FG0001:"Race"|})
                    .Append(ml.Transforms.Categorical.OneHotEncoding("RelationshipKey", {|FG0002:"Relationship"|}))
                    .Append(ml.Transforms.Categorical.OneHotEncoding("SexKey", {|FG0004:"Sex"|}))
                    .Append(ml.Transforms.Concatenate("Features", {|FG0004:"Age"|}, "RelationshipKey", "SexKey", "HoursPerWeek", "Education", {|FG0004:"marital-status"|}, "Workclass"))
                    .Append(ml.BinaryClassification.Trainers.FastTree());
                return pipeline.Fit(data);
            }
        }
        """;

    [Fact]
    public async Task ProxyFollowedThroughATransformIsReportedAsInfoNamingBoth()
    {
        var diagnostics = await new TestProject().WithSource(MlNetSources.AdultInput).WithSource(Pipeline)
            .EnableRule(RuleIdentifiers.SensitiveAttributeUsed).VerifyAsync();
        var proxy = diagnostics.Single(d => d.Id == RuleIdentifiers.ProxyKept);
        Assert.Equal(DiagnosticSeverity.Info, proxy.Severity);
        Assert.StartsWith("'AdultInput.Relationship' is a known proxy of protected attributes and is kept as a feature while 'AdultInput.Race' is dropped", proxy.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectUseIsOffByDefault()
    {
        var withoutOptIn = Pipeline.Replace("{|FG0004:\"Sex\"|}", "\"Sex\"", StringComparison.Ordinal)
            .Replace("{|FG0004:\"Age\"|}", "\"Age\"", StringComparison.Ordinal)
            .Replace("{|FG0004:\"marital-status\"|}", "\"marital-status\"", StringComparison.Ordinal);
        await new TestProject().WithSource(MlNetSources.AdultInput).WithSource(withoutOptIn).VerifyAsync();
        Assert.False(SensitiveAttributeUsedDescriptor().IsEnabledByDefault);
    }

    private static DiagnosticDescriptor SensitiveAttributeUsedDescriptor() =>
        new FeatureSelectionAnalyzer().SupportedDiagnostics.Single(d => d.Id == RuleIdentifiers.SensitiveAttributeUsed);
}
