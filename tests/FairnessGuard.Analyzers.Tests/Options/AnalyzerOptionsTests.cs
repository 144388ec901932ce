using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Options;

/// <summary>Name options from .editorconfig, from MSBuild properties (build_property.*), and severities.</summary>
public class AnalyzerOptionsTests
{
    private const string Source = """
        public sealed class Household
        {
            public double Income { get; set; }
            public double Rent { get; set; }
            public string Caste { get; set; } = "";
            public string Gender { get; set; } = "";
        }

        public interface IModel { double Predict(double[] x); }

        public static class Scoring
        {
            public static double Run(IModel model, Household h) => model.Predict(MARK);
        }
        """;

    private static string With(string markup) => Source.Replace("MARK", markup, StringComparison.Ordinal);

    [Fact]
    public async Task EditorConfigSensitiveNamesExtendTheDefaults()
    {
        await new TestProject().WithSource(With("{|FG0001:{|FG0001:new[] { h.Income, h.Rent }|}|}"))
            .WithEditorConfig("fairness_guard.sensitive_names = caste, tribe").VerifyAsync();
    }

    [Fact]
    public async Task DefaultsCanBeTurnedOffAndNotSensitiveWins()
    {
        await new TestProject().WithSource(With("[|new[] { h.Income, h.Rent }|]"))
            .WithEditorConfig("fairness_guard.sensitive_names = caste", "fairness_guard.use_default_names = false").VerifyAsync();
        await new TestProject().WithSource(With("new[] { h.Income, h.Rent }"))
            .WithEditorConfig("fairness_guard.not_sensitive = gender").VerifyAsync();
    }

    [Fact]
    public async Task MsBuildPropertyIsTheFallbackAndEditorConfigWins()
    {
        var globalConfig = "is_global = true\nbuild_property.FairnessGuardSensitiveNames = caste\n";
        await new TestProject().WithSource(With("{|FG0001:{|FG0001:new[] { h.Income, h.Rent }|}|}")).WithGlobalConfig(globalConfig).VerifyAsync();
        await new TestProject().WithSource(With("{|FG0001:new[] { h.Income, h.Rent }|}")).WithGlobalConfig(globalConfig)
            .WithEditorConfig("fairness_guard.sensitive_names = tribe").VerifyAsync();
    }

    [Fact]
    public async Task SeverityCanBeRaisedOrSilencedPerRule()
    {
        var raised = await new TestProject().WithSource(With("{|FG0001:new[] { h.Income, h.Rent }|}"))
            .WithEditorConfig("dotnet_diagnostic.FG0001.severity = error").VerifyAsync();
        Assert.All(raised, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity));
        await new TestProject().WithSource(With("new[] { h.Income, h.Rent }"))
            .WithEditorConfig("dotnet_diagnostic.FG0001.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task OptInRuleIsOnlyReportedWhereItIsConfigured()
    {
        const string Used = "new[] { h.Income, h.Rent, {|FG0004:h.Gender|}.Length }";
        await new TestProject().WithSource(With(Used.Replace("{|FG0004:h.Gender|}", "h.Gender", StringComparison.Ordinal))).VerifyAsync();
        await new TestProject().WithSource(With(Used)).WithEditorConfig("dotnet_diagnostic.FG0004.severity = suggestion").VerifyAsync();
        await new TestProject().WithSource(With(Used)).WithGlobalConfig("is_global = true\ndotnet_diagnostic.FG0004.severity = warning\n").VerifyAsync();
    }

    [Fact]
    public async Task BulkSeverityDoesNotSwitchOnTheOptInRule()
    {
        // As documented for the driver: dotnet_analyzer_diagnostic.* never enables a rule that is disabled by default.
        await new TestProject().WithSource(With("new[] { h.Income, h.Rent, h.Gender.Length }"))
            .WithEditorConfig("dotnet_analyzer_diagnostic.severity = warning", "dotnet_analyzer_diagnostic.category-Fairness.severity = error").VerifyAsync();
    }

    [Fact]
    public async Task PredictionMethodNamesCanBeAdded()
    {
        var source = """
            public sealed class Driver { public double Speed { get; set; } public double Mileage { get; set; } public int Age { get; set; } }
            public interface IPricing { double Quote(double[] x); }
            public static class Pricing
            {
                public static double Price(IPricing p, Driver d) => p.Quote(MARK);
            }
            """;
        await new TestProject().WithSource(source.Replace("MARK", "new[] { d.Speed, d.Mileage }", StringComparison.Ordinal)).VerifyAsync();
        await new TestProject().WithSource(source.Replace("MARK", "[|new[] { d.Speed, d.Mileage }|]", StringComparison.Ordinal))
            .WithEditorConfig("fairness_guard.prediction_methods = quote").VerifyAsync();
    }
}
