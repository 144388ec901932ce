// A hand-written premium model whose customer carries a birth date and an IsMale flag, neither of which the feature
// vector reads: FG0001 for each.
namespace Insurance2;

public sealed class Customer
{
    public double VehicleValue { get; init; }
    public int ClaimsLastFiveYears { get; init; }
    public double AnnualMileage { get; init; }
    public System.DateTime DateOfBirth { get; init; }
    public bool IsMale { get; init; }
}

public interface IPremiumModel { double Predict(double[] features); }

public sealed class PremiumCalculator(IPremiumModel model)
{
    public double PredictPremium(Customer c)
        => model.Predict({|FG0001:{|FG0001:new[] { c.VehicleValue, c.ClaimsLastFiveYears, c.AnnualMileage }|}|});
}
