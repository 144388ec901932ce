// A churn model behind a feature-store style dictionary, filled key by key from the subscriber record; the
// subscriber's gender never becomes a feature.
namespace Telecom.Churn;

public sealed class Subscriber
{
    public int TenureMonths { get; set; }
    public double MonthlyCharges { get; set; }
    public int SupportCalls { get; set; }
    public string Gender { get; set; } = "";
    public bool SeniorCitizen { get; set; }
}

public interface IChurnModel { double PredictChurn(IReadOnlyDictionary<string, double> features); }

public sealed class RetentionService(IChurnModel model)
{
    public bool ShouldOfferDiscount(Subscriber s)
    {
        var features = {|FG0001:{|FG0001:new Dictionary<string, double>(StringComparer.Ordinal)|}|};
        features["tenure"] = s.TenureMonths;
        features["monthly_charges"] = s.MonthlyCharges;
        features["support_calls"] = s.SupportCalls;
        return model.PredictChurn(features) > 0.4;
    }
}
