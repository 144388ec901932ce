// A logistic regression ported by hand from a notebook: coefficients as constants, the linear term over the
// applicant's members, a sigmoid around it. The applicant's age and ethnicity are never read.
namespace PortedModel;

public sealed class Applicant
{
    public double Income { get; init; }
    public double LoanAmount { get; init; }
    public double CreditHistoryYears { get; init; }
    public int Age { get; init; }
    public string Ethnicity { get; init; } = "";
}

public static class DefaultModel
{
    private const double Intercept = -1.2;

    public static double PredictProbability(Applicant a)
    {
        var z = Intercept + 0.8 * a.LoanAmount / a.Income - 0.05 * a.CreditHistoryYears;
        return Sigmoid({|FG0001:{|FG0001:z|}|});
    }

    public static double PredictLogit(Applicant a) => Sigmoid({|FG0001:{|FG0001:Intercept + 0.8 * a.LoanAmount / a.Income|}|});

    private static double Sigmoid(double x) => 1.0 / (1.0 + System.Math.Exp(-x));
}
