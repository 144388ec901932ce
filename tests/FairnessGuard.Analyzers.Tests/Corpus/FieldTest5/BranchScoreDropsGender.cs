// Field test 5 (real public code, round 4: scores returned from a branch): a tenant screening score returns 0 for an
// applicant with no income and an arithmetic score otherwise. The score is the else branch's return, not the method's
// last statement; Gender is on the applicant and read on no path: one FG0001 at the arithmetic.
namespace Rentals.Screening;

public sealed class TenantApplicant
{
    public double MonthlyIncome { get; init; }
    public double MonthlyRent { get; init; }
    public int LateRentPayments { get; init; }
    public string Gender { get; init; } = "";
}

public static class ScreeningScore
{
    public static double Score(TenantApplicant applicant)
    {
        if (applicant.MonthlyIncome <= 0)
        {
            return 0;
        }
        else
        {
            return {|FG0001:100 * (1 - applicant.MonthlyRent / applicant.MonthlyIncome) - 10 * applicant.LateRentPayments|};
        }
    }
}
