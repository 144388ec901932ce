// Trap (field test 5, several output paths): the logistic path is returned inside a try and leaves the age out, but the
// fallback this method returns, a plain helper of the same class, reads the age: the age is used by the method's output,
// nothing is dropped. No FG0001.
namespace Lending.ApprovalWithAge;

public sealed class Applicant
{
    public double CreditScore { get; init; }
    public double YearlyIncome { get; init; }
    public double RequestedAmount { get; init; }
    public int Age { get; init; }
}

public sealed class ApprovalEstimator
{
    private readonly double _bias = -1.0;

    public double PredictApproval(Applicant applicant)
    {
        try
        {
            var logit = _bias + (applicant.CreditScore - 650) / 80 - applicant.RequestedAmount / applicant.YearlyIncome;
            return 1.0 / (1.0 + System.Math.Exp(-logit));
        }
        catch (System.ArithmeticException)
        {
            return this.RuleOfThumb(applicant);
        }
    }

    private double RuleOfThumb(Applicant applicant) => {|FG0004:applicant.Age|} < 21 ? 0.3 : applicant.CreditScore > 700 ? 0.7 : 0.5;
}
