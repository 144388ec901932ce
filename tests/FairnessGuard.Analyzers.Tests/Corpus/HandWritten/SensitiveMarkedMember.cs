// A member whose name says nothing, marked [Sensitive] by the team, is left out of the features.
using FairnessGuard;

namespace Benefits;

public sealed class Claimant
{
    public double WeeksUnemployed { get; set; }
    public double PreviousSalary { get; set; }
    [Sensitive] public string Cohort { get; set; } = "";
}

public interface IEligibilityModel { double Predict(IReadOnlyList<double> features); }

public sealed class Eligibility(IEligibilityModel model)
{
    public double Check(Claimant c)
    {
        var features = {|FG0001:new List<double> { c.WeeksUnemployed, c.PreviousSalary }|};
        return model.Predict(features);
    }
}
