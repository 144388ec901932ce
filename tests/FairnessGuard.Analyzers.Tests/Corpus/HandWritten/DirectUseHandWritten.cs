// Disparate treatment by hand: the gender flag is a model input (FG0004, opt-in).
namespace Pricing;

public sealed class Driver
{
    public double YearsLicensed { get; set; }
    public double AnnualMiles { get; set; }
    public bool IsFemale { get; set; }
}

public interface IPremiumModel { double Predict(double[] features); }

public sealed class Quote(IPremiumModel model)
{
    public double Price(Driver d) => model.Predict(new[] { d.YearsLicensed, d.AnnualMiles, {|FG0004:d.IsFemale|} ? 1.0 : 0.0 });
}
