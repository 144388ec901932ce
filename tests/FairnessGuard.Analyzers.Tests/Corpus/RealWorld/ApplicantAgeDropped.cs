// A person's age left out of a hand-written score.
namespace Credit;

public sealed class Borrower
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public int Age { get; init; }
}

public interface ICreditModel { double Predict(double[] features); }

public sealed class CreditScorer(ICreditModel model)
{
    public double Score(Borrower b) => model.Predict({|FG0001:new[] { b.Income, b.Debt }|});
}
