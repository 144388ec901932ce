using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// Which hand-written methods are scoring methods by name (field test round 4, issue 14's "prediction verbs on a scoring
/// service"): a calculation verb first (<c>Calculate</c>, <c>Compute</c>, <c>Evaluate</c>, <c>Assess</c>, <c>Estimate</c>,
/// <c>Rate</c>) on a type named as a scorer of people (<c>RiskScorer</c>, <c>CreditRater</c>, <c>UnderwritingService</c>,
/// <c>EligibilityEngine</c>, <c>PremiumCalculator</c>, besides the prediction words). Exchange and shipping rates, view models and verbs that are not
/// the name's first word are not.
/// </summary>
public class ScoringServiceNamesTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public double Income { get; init; }
            public double Debt { get; init; }
            public int YearsEmployed { get; init; }
            public string Ethnicity { get; init; } = "";
        }
        """;

    [Fact]
    public async Task VerbsOnTypesNamedAsScorersOfPeopleAreScoringMethods()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public sealed class RiskScorer
            {
                public double Assess(Applicant a) => {|FG0001:0.4 * a.Debt / (a.Income + 1) - 0.1 * a.YearsEmployed|};
            }

            public sealed class CreditRater
            {
                public double Rate(Applicant a) => {|FG0001:0.002 * a.Income - 0.01 * a.Debt|};
            }

            public sealed class UnderwritingService
            {
                public double EvaluateApplicant(Applicant a)
                {
                    var points = 0.0;
                    points += a.Income > 50000 ? 40 : 10;
                    points += a.YearsEmployed * 2;
                    return {|FG0001:points|};
                }
            }

            public sealed class EligibilityEngine
            {
                public double Estimate(Applicant a) => {|FG0001:a.Income / 1000 - a.Debt / 500|};
            }

            public sealed class PremiumCalculator
            {
                public decimal Calculate(Applicant a) => {|FG0001:120m + 0.01m * (decimal)a.Debt - 2m * a.YearsEmployed|};
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task RatesViewModelsAndOtherVerbsAreNotScoringMethods()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            // An exchange or shipping rate is not a scorer of people, whatever it is handed.
            public sealed class ExchangeRateService
            {
                public double Rate(Applicant a) => 0.002 * a.Income - 0.01 * a.Debt;
            }

            // A calculator is not a scorer by that word alone.
            public sealed class TaxCalculator
            {
                public double Calculate(Applicant a) => 0.3 * a.Income - 0.1 * a.Debt;
            }

            // A view model's Calculate is a form's arithmetic.
            public sealed class LoanFormViewModel
            {
                public double Calculate(Applicant a) => a.Income / 12 - a.Debt / 12;
            }

            public sealed class RiskScorer
            {
                // The verb must be the name's first word: Generate only holds "rate".
                public double Generate(Applicant a) => a.Income / 1000 - a.Debt / 500;

                // Not a calculation verb.
                public double Describe(Applicant a) => a.Income / 1000 - a.Debt / 500;
            }
            """).VerifyAsync();
    }
}
