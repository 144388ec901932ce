// Issue 14.3: the prediction verb is Calculate on a scoring service.
namespace Insurance;

public sealed class Policyholder
{
    public double Claims { get; init; }
    public double Tenure { get; init; }
    public string Sex { get; init; } = "";
}

public interface IScoringService { double Calculate(double[] features); }

public sealed class PremiumQuote(IScoringService scoringService)
{
    public double Quote(Policyholder p)
    {
        var features = {|FG0001:new[] { p.Claims, p.Tenure }|};
        return scoringService.Calculate(features);
    }
}
