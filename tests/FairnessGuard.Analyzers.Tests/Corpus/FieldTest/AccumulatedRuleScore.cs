// Rule-based scores written over several statements: a local accumulated from the borrower's members and returned.
// Gender is never read: FG0001 on each returned score.
namespace Lending2;

public sealed class Borrower
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public int MonthsEmployed { get; init; }
    public string Gender { get; init; } = "";
}

public static class BorrowerScores
{
    public static double LinearScore(Borrower b)
    {
        var s = 0.3 * b.Income;
        s -= 0.2 * b.Debt;
        return {|FG0001:s|};
    }

    public static decimal PointsScore(Borrower b)
    {
        decimal score = 0;
        score += b.Income > 30000 ? 50 : 10;
        score += b.MonthsEmployed >= 24 ? 30 : 0;
        return {|FG0001:score|};
    }

    public static double RiskScore(Borrower b)
    {
        var ratio = b.Debt / b.Income;
        return {|FG0001:ratio * 100 + b.MonthsEmployed|};
    }
}
