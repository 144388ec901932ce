// Field test 5 (real public code, round 4: a hand-written approval model with several output paths): the approval
// probability comes from an inference engine while it works, from a logistic over the borrower's members once it has
// failed, and from a rule-of-thumb fallback of the same class when the arithmetic throws. The logistic path is returned
// inside a try, not at the end of the method; MaritalStatus is read on no path: one FG0001 where the probability is returned.
namespace Lending.Approval;

public sealed class Applicant
{
    public double CreditScore { get; init; }
    public double YearlyIncome { get; init; }
    public double RequestedAmount { get; init; }
    public int PastDefaults { get; init; }
    public string MaritalStatus { get; init; } = "";
}

public interface IApprovalEngine
{
    double ProbabilityFor(double creditScore, double loanToIncome);
}

public sealed class ApprovalEstimator
{
    private readonly IApprovalEngine _engine;
    private bool _engineFailed;
    private double _bias = -1.5;
    private double _creditWeight = 0.8;
    private double _loadWeight = -0.6;

    public ApprovalEstimator(IApprovalEngine engine) => _engine = engine;

    public double PredictApproval(Applicant applicant)
    {
        if (!_engineFailed)
        {
            try
            {
                return _engine.ProbabilityFor(applicant.CreditScore, applicant.RequestedAmount / applicant.YearlyIncome);
            }
            catch (System.InvalidOperationException)
            {
                _engineFailed = true;
            }
        }

        try
        {
            double load = applicant.RequestedAmount / System.Math.Max(1, applicant.YearlyIncome);
            double logit = _bias + _creditWeight * (applicant.CreditScore - 650) / 80 + _loadWeight * load - applicant.PastDefaults;
            double probability = 1.0 / (1.0 + System.Math.Exp(-logit));
            return {|FG0001:probability|};
        }
        catch (System.ArithmeticException)
        {
            return this.RuleOfThumb(applicant);
        }
    }

    private double RuleOfThumb(Applicant applicant)
    {
        var p = 0.5;
        if (applicant.CreditScore > 720) p += 0.2;
        if (applicant.PastDefaults > 0) p -= 0.3;
        return System.Math.Clamp(p, 0.05, 0.95);
    }
}
