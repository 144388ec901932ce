using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// FG0001/FG0002's fix on a hand-written scorer, on Microsoft.CodeAnalysis.Testing: one action adds the policy,
/// makes the method partial with its body in <c>&lt;Name&gt;Core</c>, and the generator implements it; Fix All
/// (document, project, solution) guards every method; the fixed code compiles with no FG diagnostic left.
/// </summary>
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
            public double Score(Applicant a) => model.Predict({|FG0001:new[] { a.Income, a.Debt, {|FG0002:a.Postcode|}.Length }|});

            public double Rescore(Applicant b)
            {
                var x = {|FG0001:new[] { b.Income * 2, b.Debt }|};
                return model.Predict(x) + double.Parse("0", CultureInfo.InvariantCulture);
            }
        }
        """;

    /// <summary>One fix guards Score; the policy index then silences Rescore (same type, same attribute).</summary>
    private const string ScorerFixed = """
        using System.Globalization;
        using FairnessGuard;

        namespace Lending;

        public sealed partial class Scorer(IRiskModel model)
        {
            /// <summary>Risk score.</summary>
            [DemographicParity(nameof(Applicant.Gender))]
            public partial double Score(Applicant a);

            private double ScoreCore(Applicant a) => model.Predict(new[] { a.Income, a.Debt, a.Postcode.Length });

            public double Rescore(Applicant b)
            {
                var x = new[] { b.Income * 2, b.Debt };
                return model.Predict(x) + double.Parse("0", CultureInfo.InvariantCulture);
            }
        }
        """;

    /// <summary>Fix All guards both methods, with one using and one <c>partial</c> on the type.</summary>
    private static readonly string ScorerFixedAll = ScorerFixed.Replace(
        "    public double Rescore(Applicant b)\n",
        "    [DemographicParity(nameof(Applicant.Gender))]\n    public partial double Rescore(Applicant b);\n\n    private double RescoreCore(Applicant b)\n",
        StringComparison.Ordinal);

    [Fact]
    public async Task OneActionGuardsTheMethodAndFixAllGuardsEveryMethod()
    {
        await new FixTest<AddOutputPolicyCodeFixProvider> { NumberOfIncrementalIterations = 1, NumberOfFixAllIterations = 1 }
            .WithFix("/0/Scorer.cs", Scorer, ScorerFixed, ScorerFixedAll)
            .WithUnchanged("/0/Model.cs", Model)
            .RunAsync();
    }

    [Fact]
    public async Task WithoutOtherUsingsTheFairnessGuardUsingOpensTheFile()
    {
        static string WithoutGlobalization(string s) => s
            .Replace("using System.Globalization;\n", string.Empty, StringComparison.Ordinal)
            .Replace("CultureInfo.InvariantCulture", "System.Globalization.CultureInfo.InvariantCulture", StringComparison.Ordinal);
        var fixedAll = WithoutGlobalization(ScorerFixedAll);
        Assert.StartsWith("using FairnessGuard;\n\nnamespace Lending;", fixedAll, StringComparison.Ordinal);
        await new FixTest<AddOutputPolicyCodeFixProvider>()
            .WithFix("/0/Scorer.cs", WithoutGlobalization(Scorer).TrimStart('\n'), WithoutGlobalization(ScorerFixed).TrimStart('\n'), fixedAll.TrimStart('\n'))
            .WithUnchanged("/0/Model.cs", Model)
            .RunAsync();
    }

    [Fact]
    public async Task TheProxyDiagnosticsFixNamesTheDroppedAttribute()
    {
        await new FixTest<AddOutputPolicyCodeFixProvider> { FixOnly = RuleIdentifiers.ProxyKept, NumberOfIncrementalIterations = 1, NumberOfFixAllIterations = 1 }
            .WithFix("/0/Scorer.cs", Scorer, ScorerFixed, ScorerFixedAll)
            .WithUnchanged("/0/Model.cs", Model)
            .RunAsync();
    }

    [Fact]
    public async Task RemovalWithoutAKnownTypeUsesTheColumnNameWhenAParameterHoldsTheGroup()
    {
        const string Before = """
            public interface IClassifier { double Score(Dictionary<string, float> features); }

            public static class Screening
            {
                public static double Screen(IClassifier classifier, Dictionary<string, float> row, string ethnicity)
                {
                    {|FG0001:row.Remove("ethnicity")|};
                    return classifier.Score(row);
                }
            }
            """;
        const string After = """
            using FairnessGuard;

            public interface IClassifier { double Score(Dictionary<string, float> features); }

            public static partial class Screening
            {
                [DemographicParity("ethnicity")]
                public static partial double Screen(IClassifier classifier, Dictionary<string, float> row, string ethnicity);

                private static double ScreenCore(IClassifier classifier, Dictionary<string, float> row, string ethnicity)
                {
                    row.Remove("ethnicity");
                    return classifier.Score(row);
                }
            }
            """;
        await new FixTest<AddOutputPolicyCodeFixProvider>().WithFix("/0/Screening.cs", Before, After).RunAsync();
    }

    [Theory]
    [InlineData("public static double Screen(IClassifier classifier, Dictionary<string, float> row)", "classifier.Score(row)")]
    [InlineData("public static bool Screen(IClassifier classifier, Dictionary<string, float> row, string ethnicity)", "classifier.Score(row) > 0.5")]
    public async Task NoFixWhenTheGeneratorCouldNotGuardTheMethod(string signature, string result)
    {
        // No input holds the group (a policy would be FG1003), or the method returns no score (FG0003): a
        // policy there would guard nothing, so no fix is offered rather than a broken one.
        var source = $$"""
            public interface IClassifier { double Score(Dictionary<string, float> features); }

            public static class Screening
            {
                {{signature}}
                {
                    {|FG0001:row.Remove("ethnicity")|};
                    return {{result}};
                }
            }
            """;
        await new FixTest<AddOutputPolicyCodeFixProvider>().WithFix("/0/Screening.cs", source, source).RunAsync();
    }

    [Fact]
    public async Task NoFixIsOfferedWithoutTheRuntime()
    {
        var test = new FixTest<AddOutputPolicyCodeFixProvider>().WithFix("/0/Scorer.cs", Scorer, Scorer).WithUnchanged("/0/Model.cs", Model);
        test.TestState.AdditionalReferences.Clear();
        await test.RunAsync();
    }

    [Fact]
    public async Task NoFixIsOfferedOutsideAMethod()
    {
        const string TopLevel = """
            using Lending;
            IRiskModel model = null!;
            var a = new Applicant();
            Console.WriteLine(model.Predict({|FG0001:new[] { a.Income, a.Debt }|}));
            """;
        var test = new FixTest<AddOutputPolicyCodeFixProvider>().WithFix("/0/Program.cs", TopLevel, TopLevel).WithUnchanged("/0/Model.cs", Model);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }
}
