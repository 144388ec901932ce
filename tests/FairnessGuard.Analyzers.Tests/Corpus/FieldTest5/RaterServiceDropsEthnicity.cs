// Field test 5 (issue 14's prediction verbs on scoring services, round 4): a credit rater's Rate method weighs an
// applicant's income, debt and years in work. Rate on a type named as a rater is a scoring method; the applicant's
// ethnicity is recorded and read nowhere: one FG0001 on the arithmetic.
namespace Lending.Rating;

public sealed class LoanApplicant
{
    public double AnnualIncome { get; init; }
    public double TotalDebt { get; init; }
    public int YearsInWork { get; init; }
    public string Ethnicity { get; init; } = "";
}

public sealed class CreditRater
{
    private const double IncomeWeight = 0.002;
    private const double DebtWeight = -0.004;

    public double Rate(LoanApplicant applicant) =>
        {|FG0001:IncomeWeight * applicant.AnnualIncome + DebtWeight * applicant.TotalDebt + 1.5 * applicant.YearsInWork|};
}
