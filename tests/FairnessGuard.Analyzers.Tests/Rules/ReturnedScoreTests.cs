using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on rule-based scores written over several statements: a local accumulated by arithmetic on an entity's
/// members and returned (alone or in a tuple), read through intermediate locals; and the look-alikes that must stay silent.
/// </summary>
public class ReturnedScoreTests
{
    private const string Borrower = """
        public sealed class Borrower
        {
            public double? Income { get; init; }
            public double Debt { get; init; }
            public int MonthsEmployed { get; init; }
            public string Gender { get; init; } = "";
        }

        public interface IRiskModel { double Predict(double income, double debt); }
        """;

    [Fact]
    public async Task AnAccumulatedLocalReturnedByAScoringMethodIsReportedAtTheReturn()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public static class Scores
            {
                public static double Score(Borrower b)
                {
                    double score = 0;
                    score += b.Income > 30000 ? 50 : 10;
                    score += b.MonthsEmployed >= 24 ? 30 : 0;
                    return {|FG0001:score|};
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AScoreInATupleOfACalculateOnAScoringServiceReadsThroughIntermediateLocals()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public sealed class LoanScoringService
            {
                public (string Status, double Score) Calculate(Borrower b)
                {
                    var income = b.Income ?? 0;
                    var months = b.MonthsEmployed;
                    var score = income / 1000 + months * 2.0;
                    return (score > 60 ? "OK" : "NO", {|FG0001:score|});
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task LookAlikesThatDropNothingOrMayComeFromAModelAreSilent()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public sealed class Scores(IRiskModel model)
            {
                // Gender is read by a rule: nothing is dropped.
                public double GenderRuleScore(Borrower b)
                {
                    var score = 0.3 * (b.Income ?? 0) - 0.2 * b.Debt;
                    if (b.Gender == "F") { score += 1; }
                    return score;
                }

                // The score comes from a model call: its inputs are the model reader's concern, not arithmetic.
                public double ModelScore(Borrower b)
                {
                    var score = model.Predict(b.Income ?? 0, b.Debt);
                    score *= 100;
                    return score;
                }

                // Written through out: not a score this reader can follow.
                public double OutScore(Borrower b)
                {
                    var score = b.Debt * 2 + b.MonthsEmployed;
                    Adjust(out score);
                    return score;
                }

                private static void Adjust(out double value) => value = 0;
            }

            // Calculate on a type not named as a scorer is not a scoring method.
            public sealed class BudgetPlanner
            {
                public double Calculate(Borrower b)
                {
                    var budget = (b.Income ?? 0) / 12;
                    budget -= b.Debt / 12;
                    return budget;
                }
            }
            """).VerifyAsync();
    }
}
