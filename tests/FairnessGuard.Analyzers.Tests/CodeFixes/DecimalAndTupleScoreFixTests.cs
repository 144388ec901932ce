using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// Issue 14 ("a decimal or tuple score gets FG0001 but no code fix"): a <c>decimal</c> score is fixed like a double
/// one (the generator guards it as a double and returns the exact decimal when the guard leaves it unchanged); a
/// tuple, or a score already rounded to an integer, gets no fix and a message that says the manual way.
/// </summary>
public class DecimalAndTupleScoreFixTests
{
    private const string Model = """
        namespace Credit;

        public sealed class CreditApplication
        {
            public decimal Income { get; init; }
            public decimal Amount { get; init; }
            public int MonthsEmployed { get; init; }
            public string Gender { get; init; } = "";
        }
        """;

    private const string DecimalScorer = """
        using System.Threading.Tasks;

        namespace Credit;

        public sealed class CreditScoringService
        {
            public decimal Score(CreditApplication application)
            {
                decimal score = 0;
                score += application.Income >= 30000 ? 50 : 10;
                score += application.MonthsEmployed >= 24 ? 30 : 0;
                return {|FG0001:score|};
            }

            public async Task<decimal> ScoreAsync(CreditApplication application)
            {
                await Task.Yield();
                decimal score = application.Income / 1000m;
                score += application.Amount <= application.Income * 6 ? 20 : 0;
                return {|FG0001:score|};
            }
        }
        """;

    /// <summary>One action guards Score; the project's policy naming Gender then covers ScoreAsync (the policy index).</summary>
    private const string DecimalScorerFixed = """
        using System.Threading.Tasks;
        using FairnessGuard;

        namespace Credit;

        public sealed partial class CreditScoringService
        {
            [DemographicParity(nameof(CreditApplication.Gender))]
            public partial decimal Score(CreditApplication application);

            private decimal ScoreCore(CreditApplication application)
            {
                decimal score = 0;
                score += application.Income >= 30000 ? 50 : 10;
                score += application.MonthsEmployed >= 24 ? 30 : 0;
                return score;
            }

            public async Task<decimal> ScoreAsync(CreditApplication application)
            {
                await Task.Yield();
                decimal score = application.Income / 1000m;
                score += application.Amount <= application.Income * 6 ? 20 : 0;
                return score;
            }
        }
        """;

    /// <summary>Fix All guards both methods, the decimal and the Task&lt;decimal&gt; one.</summary>
    private static readonly string DecimalScorerFixedAll = DecimalScorerFixed.Replace(
        "    public async Task<decimal> ScoreAsync(CreditApplication application)\n",
        "    [DemographicParity(nameof(CreditApplication.Gender))]\n    public partial Task<decimal> ScoreAsync(CreditApplication application);\n\n    private async Task<decimal> ScoreAsyncCore(CreditApplication application)\n",
        StringComparison.Ordinal);

    [Fact]
    public async Task ADecimalScoreIsGuardedInOneActionAndByFixAll()
    {
        // Each action guards one method (the generator implements decimal and Task<decimal>); the fixed code compiles
        // with the generator and no FG diagnostic is left, in the document, project and solution Fix All alike.
        Assert.NotEqual(DecimalScorerFixed, DecimalScorerFixedAll);
        await new FixTest<AddOutputPolicyCodeFixProvider> { NumberOfIncrementalIterations = 1, NumberOfFixAllIterations = 1 }
            .WithFix("/0/CreditScoringService.cs", DecimalScorer, DecimalScorerFixed, DecimalScorerFixedAll)
            .WithUnchanged("/0/Model.cs", Model)
            .RunAsync();
    }

    [Theory]
    [InlineData("(string Status, decimal Score)", "decimal", "(score >= 60 ? \"APPROVED\" : \"REJECTED\", {|FG0001:score|})", "combined with other values in a tuple")]
    [InlineData("Task<(bool Approved, decimal Score)>", "decimal", "(score >= 60, {|FG0001:score|})", "combined with other values in a tuple")]
    [InlineData("int", "int", "{|FG0001:score|}", "turned into 'int'")]
    public async Task ATupleOrIntegerScoreGetsNoFixAndAMessageNamingTheManualWay(string returns, string local, string returned, string why)
    {
        var isAsync = returns.StartsWith("Task", StringComparison.Ordinal);
        var source = $$"""
            using System.Threading.Tasks;

            namespace Credit;

            public sealed class CreditScoringService
            {
                public {{(isAsync ? "async " : string.Empty)}}{{returns}} Calculate(CreditApplication application)
                {
                    {{(isAsync ? "await Task.Yield();" : string.Empty)}}
                    {{local}} score = 0;
                    score += application.Income >= 30000 ? 50 : 10;
                    score += application.MonthsEmployed >= 24 ? 30 : 0;
                    return {{returned}};
                }
            }
            """;

        // No fix: the generator guards a score returned alone; the tuple's other elements may be computed from the
        // unguarded score, and an integer has lost the distribution the guard corrects.
        await new FixTest<AddOutputPolicyCodeFixProvider>()
            .WithFix("/0/CreditScoringService.cs", source, source)
            .WithUnchanged("/0/Model.cs", Model)
            .RunAsync();

        var diagnostics = await new TestProject().WithSource(Model).WithSource(source).VerifyAsync();
        var message = Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("[DemographicParity(nameof(CreditApplication.Gender))] on a method of its own that returns the score alone as a double, float or decimal", message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADoubleScoreKeepsTheShortSuggestion()
    {
        var diagnostics = await new TestProject().WithSource(Model).WithSource("""
            namespace Credit;

            public sealed class CreditScoringService
            {
                public double Score(CreditApplication application)
                {
                    double score = 0;
                    score += application.Income >= 30000 ? 50 : 10;
                    score += application.MonthsEmployed >= 24 ? 30 : 0;
                    return {|FG0001:score|};
                }
            }
            """).VerifyAsync();

        Assert.EndsWith("such as [DemographicParity(nameof(CreditApplication.Gender))]", Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
