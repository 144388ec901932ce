// Trap (field test 5, points scores): one condition of a tenant points card asks a screening bureau whether the
// applicant is on a watch list, by national id. What the bureau reads cannot be known here, so the score is not one the
// rule can vouch for: no FG0001, although the applicant's nationality is read nowhere.
namespace Rentals.Points;

public interface IScreeningBureau
{
    bool OnWatchList(string nationalId);
}

public sealed class RentalApplicant
{
    public string NationalId { get; init; } = "";
    public decimal MonthlyIncome { get; init; }
    public decimal MonthlyRent { get; init; }
    public string Nationality { get; init; } = "";
}

public sealed class TenantPointsScorer
{
    private readonly IScreeningBureau _bureau;

    public TenantPointsScorer(IScreeningBureau bureau) => _bureau = bureau;

    public int Score(RentalApplicant applicant)
    {
        var points = 0;
        if (_bureau.OnWatchList(applicant.NationalId)) points -= 100;
        if (applicant.MonthlyIncome >= applicant.MonthlyRent * 3) points += 50;
        return points;
    }
}
