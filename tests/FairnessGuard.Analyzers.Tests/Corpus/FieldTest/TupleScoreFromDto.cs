// A scoring service's Calculate returns (status, score), the score accumulated from a DTO's members; the applicant's
// age and gender are never read: two FG0001 on the returned score.
namespace CreditApi;

public sealed class CreditApplication
{
    public decimal? Income { get; init; }
    public int? MonthsEmployed { get; init; }
    public decimal Amount { get; init; }
    public int Age { get; init; }
    public string Gender { get; init; } = "";
}

public sealed class CreditScoringService
{
    public (string Status, decimal Score) Calculate(CreditApplication application)
    {
        decimal score = 0;
        var income = application.Income ?? 0;
        var months = application.MonthsEmployed ?? 0;
        score += income >= 30000 ? 50 : income >= 15000 ? 30 : 0;
        score += months >= 24 ? 30 : months >= 12 ? 15 : 0;
        if (application.Amount <= income * 6)
        {
            score += 20;
        }

        return (score >= 60 ? "APPROVED" : "REJECTED", {|FG0001:{|FG0001:score|}|});
    }
}
