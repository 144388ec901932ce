using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on scores computed through helper methods: a plain-computation helper of the same type is followed one
/// level (its reads of the entity it is handed are the score's features); a helper that calls anything else, lives on
/// another type or uses the entity otherwise stays opaque, and the score is left alone.
/// </summary>
public class ScoreHelpersTests
{
    private const string Borrower = """
        public sealed class Borrower
        {
            public double Income { get; init; }
            public double Debt { get; init; }
            public int Years { get; init; }
            public string Gender { get; init; } = "";
        }

        public interface IBureau { double Points(double income); }
        """;

    [Fact]
    public async Task ARunningTotalOfHelperPointsIsAScore()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public static class Card
            {
                public static int Score(Borrower b)
                {
                    var total = 0;
                    total += IncomePoints(b.Income);
                    total += System.Math.Max(0, DebtPoints(b.Debt));
                    return {|FG0001:total|};
                }

                private static int IncomePoints(double income) => income switch { >= 5000 => 200, _ => 80 };

                private static int DebtPoints(double debt)
                {
                    var points = 100;
                    points -= (int)(debt / 1000);
                    return points;
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task HelpersHandedTheEntityAreFollowedOneLevel()
    {
        var diagnostics = await new TestProject().WithSource(Borrower).WithSource("""
            public static class Card
            {
                public static double Score(Borrower b) => {|FG0001:0.7 * Capacity(b) + 0.3 * Stability(b)|};

                private static double Capacity(Borrower x) => x.Income / 1000.0 - x.Debt / 500.0;

                private static double Stability(Borrower x) => x.Years > 3 ? 1.0 : 0.5;
            }
            """).VerifyAsync();

        var message = diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Borrower.Gender' is available on 'Borrower' (parameter 'b')", message, StringComparison.Ordinal);
        Assert.Contains("which read Income, Debt, Years", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHelperThatReadsTheAttributeUsesIt()
    {
        await new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed).WithSource(Borrower).WithSource("""
            public static class Card
            {
                public static double Score(Borrower b) => 0.7 * Capacity(b) + 0.3 * Adjust(b);

                private static double Capacity(Borrower x) => x.Income / 1000.0 - x.Debt / 500.0;

                private static double Adjust(Borrower x) => {|FG0004:x.Gender|} == "F" ? 0.9 : 1.0;
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AHelperThatIsAModelBlockOfItsOwnIsReportedOnlyWhereItIsDeclared()
    {
        // ToFeatures is read as a feature builder where it is declared; the score that uses it is not a second finding.
        await new TestProject().WithSource(Borrower).WithSource("""
            public sealed class Model(double[] w)
            {
                public double Predict(Borrower b)
                {
                    var f = ToFeatures(b);
                    double z = 0;
                    for (var i = 0; i < f.Length; i++) { z += f[i] * w[i]; }
                    return z;
                }

                private static double[] ToFeatures(Borrower x) => [|[x.Income, x.Debt, x.Years]|];
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task OpaqueHelpersLeaveTheScoreAlone()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public sealed class Card(IBureau bureau)
            {
                // A helper on another object: what it reads is unknown.
                public double External(Borrower b)
                {
                    double total = 0;
                    total += bureau.Points(b.Income);
                    total += b.Debt > 100 ? 0 : 1;
                    return total;
                }

                // A same-type helper that calls out is not a plain computation.
                public double Calls(Borrower b)
                {
                    double total = 0;
                    total += Lookup(b.Income);
                    total += b.Debt > 100 ? 0 : 1;
                    return total;
                }

                // The entity is handed to a helper that passes it on: it may be read anywhere.
                public double Passes(Borrower b) => 0.5 * Whole(b) + 0.5 * Capacity(b);

                // The helper compares the entity itself: not a member read that can be followed.
                public double Compares(Borrower b) => 0.5 * NotNull(b) + 0.5 * Capacity(b);

                private double Lookup(double income) => bureau.Points(income);

                private static double Whole(Borrower x) => Log(x);

                private static double Log(Borrower x) => x.Income;

                private static double NotNull(Borrower x) => x is null ? 0 : 1;

                private static double Capacity(Borrower x) => x.Income / 1000.0 - x.Debt / 500.0;
            }
            """).VerifyAsync();
    }
}
