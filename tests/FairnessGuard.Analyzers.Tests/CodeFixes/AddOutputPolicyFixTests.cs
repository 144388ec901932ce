using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;

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
    public async Task AddsTheDemographicParityPolicyAndTheUsing()
    {
        var test = new TestProject().WithSource(Scorer).WithSource(Model);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped);

        Assert.Equal("""
            using System.Globalization;
            using FairnessGuard;

            namespace Lending;

            public sealed class Scorer(IRiskModel model)
            {
                /// <summary>Risk score.</summary>
                [DemographicParity(nameof(Applicant.Gender))]
                public double Score(Applicant a) => model.Predict(new[] { a.Income, a.Debt, a.Postcode.Length });

                public double Rescore(Applicant b)
                {
                    var x = new[] { b.Income * 2, b.Debt };
                    return model.Predict(x) + double.Parse("0", CultureInfo.InvariantCulture);
                }
            }
            """, text.ReplaceLineEndings("\n"));

        // The policy names Gender, so the policy index silences the other method too: no warning left.
        Assert.DoesNotContain(remaining, d => d.Id == RuleIdentifiers.SensitiveAttributeDropped);
    }

    [Fact]
    public async Task FixAllAddsOnePolicyPerMethodAndOneUsing()
    {
        var test = new TestProject().WithSource(Scorer.Replace("using System.Globalization;\n\n", string.Empty, StringComparison.Ordinal).Replace("CultureInfo.InvariantCulture", "System.Globalization.CultureInfo.InvariantCulture", StringComparison.Ordinal)).WithSource(Model);
        var (text, _) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped, fixAll: true);

        Assert.Equal(1, Count(text, "using FairnessGuard;"));
        Assert.Equal(2, Count(text, "[DemographicParity(nameof(Applicant.Gender))]"));
        Assert.StartsWith("using FairnessGuard;\n\nnamespace Lending;", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyDiagnosticFixNamesTheDroppedAttribute()
    {
        var test = new TestProject().WithSource(Scorer).WithSource(Model);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.ProxyKept);

        Assert.Contains("[DemographicParity(nameof(Applicant.Gender))]\n    public double Score", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task RemovalWithoutAKnownTypeUsesTheColumnName()
    {
        var test = new TestProject().WithSource("""
            public interface IClassifier { double Score(Dictionary<string, float> features); }

            public static class Screening
            {
                public static double Screen(IClassifier classifier, Dictionary<string, float> row)
                {
                    row.Remove("ethnicity");
                    return classifier.Score(row);
                }
            }
            """);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped);

        Assert.Contains("    [DemographicParity(\"ethnicity\")]\n    public static double Screen(", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(remaining);
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
