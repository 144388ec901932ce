using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

public class AddOutputPolicyFixTests
{
    private const string Model = """
        namespace Lending;

        public sealed class Applicant
        {
            public double Income { get; init; }
            public double Debt { get; init; }
            public string Gender { get; init; } = "";
            public string Postcode { get; init; } = "";
        }

        public interface IRiskModel { double Predict(double[] features); }
        """;

    private const string Scorer = """
        using System.Globalization;

        namespace Lending;

        public sealed class Scorer(IRiskModel model)
        {
            /// <summary>Risk score.</summary>
            public double Score(Applicant a) => model.Predict(new[] { a.Income, a.Debt, a.Postcode.Length });

            public double Rescore(Applicant b)
            {
                var x = new[] { b.Income * 2, b.Debt };
                return model.Predict(x) + double.Parse("0", CultureInfo.InvariantCulture);
            }
        }
        """;

    [Fact]
    public async Task OneActionAddsThePolicyMakesTheMethodPartialAndTheGeneratorGuardsIt()
    {
        var test = new TestProject().WithSource(Scorer).WithSource(Model);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.StartsWith("using System.Globalization;\nusing FairnessGuard;\n\nnamespace Lending;\n\npublic sealed partial class Scorer(IRiskModel model)\n{", normalized, StringComparison.Ordinal);
        Assert.Contains("    /// <summary>Risk score.</summary>\n    [DemographicParity(nameof(Applicant.Gender))]\n    public partial double Score(Applicant a);\n", normalized, StringComparison.Ordinal);
        Assert.Contains("    private double ScoreCore(Applicant a) => model.Predict(new[] { a.Income, a.Debt, a.Postcode.Length });\n", normalized, StringComparison.Ordinal);
        Assert.Contains("    public double Rescore(Applicant b)\n", normalized, StringComparison.Ordinal);

        // Compiled with the generator (CodeFixRunner): no error, no FG1001; the policy index silences Rescore too.
        Assert.Empty(remaining);
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task FixAllGuardsEveryMethodWithOneUsingAndOnePartialPerType(FixAllScope scope)
    {
        var test = new TestProject().WithSource(Scorer.Replace("using System.Globalization;\n\n", string.Empty, StringComparison.Ordinal).Replace("CultureInfo.InvariantCulture", "System.Globalization.CultureInfo.InvariantCulture", StringComparison.Ordinal)).WithSource(Model);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped, fixAll: true, scope: scope);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.Equal(1, Count(normalized, "using FairnessGuard;"));
        Assert.Equal(2, Count(normalized, "[DemographicParity(nameof(Applicant.Gender))]"));
        Assert.Equal(1, Count(normalized, "partial class Scorer"));
        Assert.Contains("public partial double Score(Applicant a);", normalized, StringComparison.Ordinal);
        Assert.Contains("public partial double Rescore(Applicant b);", normalized, StringComparison.Ordinal);
        Assert.Contains("private double RescoreCore(Applicant b)\n", normalized, StringComparison.Ordinal);
        Assert.StartsWith("using FairnessGuard;\n\nnamespace Lending;", normalized, StringComparison.Ordinal);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task ProxyDiagnosticFixNamesTheDroppedAttribute()
    {
        var test = new TestProject().WithSource(Scorer).WithSource(Model);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.ProxyKept);

        Assert.Contains("[DemographicParity(nameof(Applicant.Gender))]\n    public partial double Score", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task RemovalWithoutAKnownTypeUsesTheColumnNameWhenAParameterHoldsTheGroup()
    {
        var test = new TestProject().WithSource("""
            public interface IClassifier { double Score(Dictionary<string, float> features); }

            public static class Screening
            {
                public static double Screen(IClassifier classifier, Dictionary<string, float> row, string ethnicity)
                {
                    row.Remove("ethnicity");
                    return classifier.Score(row);
                }
            }
            """);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.Contains("public static partial class Screening", normalized, StringComparison.Ordinal);
        Assert.Contains("    [DemographicParity(\"ethnicity\")]\n    public static partial double Screen(", normalized, StringComparison.Ordinal);
        Assert.Contains("    private static double ScreenCore(", normalized, StringComparison.Ordinal);
        Assert.Empty(remaining);
    }

    [Theory]
    [InlineData("public static double Screen(IClassifier classifier, Dictionary<string, float> row)", "double")]
    [InlineData("public static bool Screen(IClassifier classifier, Dictionary<string, float> row, string ethnicity)", "bool")]
    public async Task NoFixWhenTheGeneratorCouldNotGuardTheMethod(string signature, string returnType)
    {
        // No input holds the group (a policy would be FG1003), or the method returns no score (FG0003): a
        // policy there would guard nothing, so no fix is offered rather than a broken one.
        var result = returnType == "bool" ? "classifier.Score(row) > 0.5" : "classifier.Score(row)";
        var test = new TestProject().WithSource($$"""
            public interface IClassifier { double Score(Dictionary<string, float> features); }

            public static class Screening
            {
                {{signature}}
                {
                    row.Remove("ethnicity");
                    return {{result}};
                }
            }
            """);
        Assert.Empty(await CodeFixRunner.OffersAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped));
    }

    [Fact]
    public async Task NoFixIsOfferedWithoutTheRuntimeOrOutsideAMethod()
    {
        var withoutRuntime = new TestProject().WithoutFairnessGuard().WithSource(Scorer).WithSource(Model);
        Assert.Empty(await CodeFixRunner.OffersAsync(withoutRuntime, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped));

        var topLevel = new TestProject().WithSource("""
            using Lending;
            IRiskModel model = null!;
            var a = new Applicant();
            Console.WriteLine(model.Predict(new[] { a.Income, a.Debt }));
            """).WithSource(Model);
        Assert.Empty(await CodeFixRunner.OffersAsync(topLevel, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped));
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
