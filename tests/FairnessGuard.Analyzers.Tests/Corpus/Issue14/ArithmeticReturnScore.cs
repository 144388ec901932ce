// Issue 14.3: a scorecard computed as arithmetic on the entity's members in a return statement; Gender is
// on the entity and never read.
namespace Cards;

public sealed class CardApplicant
{
    public double AnnualIncome { get; init; }
    public double Utilisation { get; init; }
    public int LatePayments { get; init; }
    public string Gender { get; init; } = "";
}

public static class Scorecard
{
    public static double Score(CardApplicant applicant)
    {
        return {|FG0001:600 + 0.002 * applicant.AnnualIncome - 150 * applicant.Utilisation - 25 * applicant.LatePayments|};
    }
}
