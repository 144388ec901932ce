// The same ported model with age among its terms and the ethnicity read by a monitoring rule: nothing dropped
// (FG0004, opt-in, marks the age term). No FG0001.
namespace PortedModel2;

public sealed class Applicant
{
    public double Income { get; init; }
    public double LoanAmount { get; init; }
    public int Age { get; init; }
    public string Ethnicity { get; init; } = "";
}

public static class DefaultModel
{
    public static double PredictProbability(Applicant a)
    {
        var z = -1.2 + 0.8 * a.LoanAmount / a.Income - 0.01 * {|FG0004:a.Age|};
        Monitoring.Record(a.Ethnicity, z);
        return Sigmoid(z);
    }

    private static double Sigmoid(double x) => 1.0 / (1.0 + System.Math.Exp(-x));
}

public static class Monitoring
{
    public static void Record(string group, double value) { }
}
