// Issue 14.3: Calculate on a risk service is the prediction; the feature vector leaves MaritalStatus out.
namespace Underwriting;

public sealed class LifeApplicant
{
    public double Bmi { get; init; }
    public bool Smoker { get; init; }
    public double CoverAmount { get; init; }
    public string MaritalStatus { get; init; } = "";
}

public interface IRiskService { double Calculate(IReadOnlyList<double> features); }

public sealed class QuoteEngine(IRiskService riskService)
{
    public double Premium(LifeApplicant a)
    {
        var features = {|FG0001:new List<double> { a.Bmi, a.Smoker ? 1 : 0, a.CoverAmount }|};
        return 12.5 * riskService.Calculate(features);
    }
}
