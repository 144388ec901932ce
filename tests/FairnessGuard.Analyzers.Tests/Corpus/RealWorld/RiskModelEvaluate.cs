// A risk model's Evaluate is its prediction.
namespace Bank;

public sealed class Customer
{
    public double Balance { get; init; }
    public double Overdrafts { get; init; }
    public string Ethnicity { get; init; } = "";
}

public interface IRiskModel { double Evaluate(IReadOnlyList<double> features); }

public sealed class Underwriting(IRiskModel riskModel)
{
    public double Assess(Customer c) => riskModel.Evaluate({|FG0001:new List<double> { c.Balance, c.Overdrafts }|});
}
