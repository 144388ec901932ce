// A hand-written churn score that uses the customer's age and disability flag as inputs (FG0004, opt-in).
namespace Telecom;

public sealed class Subscriber
{
    public double MonthlyCharges { get; set; }
    public double TenureMonths { get; set; }
    public int Age { get; set; }
    public bool HasDisability { get; set; }
}

public static class ChurnScore
{
    private static readonly double[] W = { 0.03, -0.05, 0.01, 0.4 };

    public static double Score(Subscriber s)
    {
        var x = new[] { s.MonthlyCharges, s.TenureMonths, {|FG0004:s.Age|}, {|FG0004:s.HasDisability|} ? 1.0 : 0.0 };
        return x.Zip(W, (a, b) => a * b).Sum();
    }
}
