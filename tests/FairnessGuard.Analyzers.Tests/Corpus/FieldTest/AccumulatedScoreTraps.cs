// Look-alikes of an accumulated score that drop nothing: the gender is read in a rule, the score comes from a model
// call, the method is not a scorer. No FG0001.
namespace Lending3;

public sealed class Borrower
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public int MonthsEmployed { get; init; }
    public string Gender { get; init; } = "";
}

public interface IRiskModel { double Predict(double income, double debt); }

public sealed class BorrowerScores(IRiskModel model)
{
    public double GenderAwareScore(Borrower b)
    {
        var score = 0.3 * b.Income - 0.2 * b.Debt;
        if ({|FG0004:b.Gender|} == "F")
        {
            score += 1;
        }

        return score;
    }

    public double ModelScore(Borrower b)
    {
        var score = model.Predict(b.Income, b.Debt);
        score *= 100;
        return score;
    }

    public double MonthlyBudget(Borrower b)
    {
        var budget = b.Income / 12;
        budget -= b.Debt / 12;
        return budget;
    }
}
