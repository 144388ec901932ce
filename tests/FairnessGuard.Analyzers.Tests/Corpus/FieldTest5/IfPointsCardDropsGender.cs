// Field test 5 (the commonest hand-written scorer, round 4): a microloan points card adds points under conditions on
// the applicant's income, years at the address and open debt, and returns the total. The conditions are what the score
// is computed from; the applicant's gender is read on no line: one FG0001 on the returned total.
namespace Microloans.Points;

public sealed class MicroloanApplicant
{
    public decimal MonthlyIncome { get; init; }
    public int YearsAtAddress { get; init; }
    public decimal OpenDebt { get; init; }
    public string Gender { get; init; } = "";
}

public sealed class PointsCardScorer
{
    public int Score(MicroloanApplicant applicant)
    {
        var points = 300;
        if (applicant.MonthlyIncome >= 2500m)
        {
            points += 120;
        }
        else if (applicant.MonthlyIncome >= 1200m)
        {
            points += 60;
        }

        if (applicant.YearsAtAddress >= 3) points += 40;
        if (applicant.OpenDebt > applicant.MonthlyIncome * 6) points -= 90;
        return {|FG0001:points|};
    }
}
