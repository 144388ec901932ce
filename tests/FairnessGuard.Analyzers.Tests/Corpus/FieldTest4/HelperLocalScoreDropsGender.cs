// Field test 4 (issue 14, scores through helpers): the score is a running total of points, each computed by a small
// helper of the same class from one member of the borrower. The helpers are plain computations (no call, no state), so
// the members they are handed are the score's features; Gender is never handed over: one FG0001 on the total.
namespace Lending.Points;

public sealed class Borrower
{
    public double MonthlyIncome { get; init; }
    public double OpenDebt { get; init; }
    public int YearsAtAddress { get; init; }
    public string Gender { get; init; } = "";
}

public static class PointsCard
{
    public static int Score(Borrower borrower)
    {
        var total = 0;
        total += IncomePoints(borrower.MonthlyIncome);
        total += DebtPoints(borrower.OpenDebt);
        total += StabilityPoints(borrower.YearsAtAddress);
        return {|FG0001:total|};
    }

    private static int IncomePoints(double income) => income switch { >= 8000 => 300, >= 4000 => 200, _ => 80 };

    private static int DebtPoints(double debt) => debt > 20000 ? 0 : 120;

    private static int StabilityPoints(int years) => System.Math.Min(years, 10) * 5;
}
