// A generic feature map from a form; protected fields are removed right before scoring.
namespace Underwriting;

public interface IUnderwritingModel { double PredictRisk(IDictionary<string, double> features); }

public sealed class Underwriter(IUnderwritingModel model)
{
    public double Assess(IDictionary<string, double> form)
    {
        var features = new Dictionary<string, double>(form);
        {|FG0001:features.Remove("gender")|};
        {|FG0001:features.Remove("age")|};
        features.Remove("applicationId");
        return model.PredictRisk(features);
    }
}
