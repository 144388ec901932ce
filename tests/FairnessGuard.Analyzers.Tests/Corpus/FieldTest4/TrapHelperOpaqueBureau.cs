// Trap (field test 4, scores through helpers): one part of the score comes from a bureau client behind an interface.
// What that call reads cannot be known here, so the score is not one the analyzer can vouch for: no FG0001, although
// Gender is never read in this file.
namespace Lending.Bureau;

public interface ICreditBureau
{
    int PointsFor(string nationalId);
}

public sealed class Customer
{
    public string NationalId { get; init; } = "";
    public double MonthlyIncome { get; init; }
    public double OpenDebt { get; init; }
    public string Gender { get; init; } = "";
}

public sealed class CombinedScore
{
    private readonly ICreditBureau _bureau;

    public CombinedScore(ICreditBureau bureau) => _bureau = bureau;

    public int Score(Customer customer)
    {
        var total = 0;
        total += _bureau.PointsFor(customer.NationalId);
        total += IncomePoints(customer.MonthlyIncome);
        total += customer.OpenDebt > 10000 ? 0 : 50;
        return total;
    }

    private static int IncomePoints(double income) => income > 5000 ? 200 : 100;
}
