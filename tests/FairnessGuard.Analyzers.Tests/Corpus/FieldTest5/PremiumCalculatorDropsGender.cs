// Field test 5 (insurance premiums, round 4): a life cover premium calculator prices an applicant from age, smoking and
// cover; the applicant's gender is recorded for the policy document and left out of the price (as unisex pricing rules
// require). Calculate on a PremiumCalculator is a scoring method of people: one FG0001 on the arithmetic, whose fix is to
// state the requirement on the premium instead.
namespace Insurance.Life;

public sealed class LifeApplicant
{
    public int Age { get; init; }
    public bool Smoker { get; init; }
    public decimal CoverAmount { get; init; }
    public string Gender { get; init; } = "";
}

public sealed class PremiumCalculator
{
    public decimal Calculate(LifeApplicant applicant) =>
        {|FG0001:applicant.CoverAmount / 1000m * (0.8m + 0.05m * {|FG0004:applicant.Age|}) * (applicant.Smoker ? 1.6m : 1m)|};
}
