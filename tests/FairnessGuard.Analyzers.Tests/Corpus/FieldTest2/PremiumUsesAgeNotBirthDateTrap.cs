// Field test 2 trap (real premium-calculator controller): the premium reads the insured's age; the date of birth on the
// same DTO is the same attribute and is not read. Age is used, nothing is dropped: no FG0001.
namespace Premiums;

public sealed class PremiumRequest
{
    public string InsuredName { get; set; } = "";
    public int Age { get; set; }
    public DateTime DateOfBirth { get; set; }
    public int SumInsured { get; set; }
    public decimal OccupationFactor { get; set; }
}

public sealed class PremiumCalculator
{
    public decimal CalculatePremium(PremiumRequest request)
    {
        if (request is null)
        {
            return 0;
        }

        return request.SumInsured * request.OccupationFactor * request.Age / 1000 * 12;
    }
}
