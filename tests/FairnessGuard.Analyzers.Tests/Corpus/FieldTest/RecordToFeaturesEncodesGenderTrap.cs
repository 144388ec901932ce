// As RecordToFeaturesDropsGender, but the vector encodes the gender (FG0004, opt-in, marks the direct use).
// No FG0001.
namespace RecordFeatures2;

public sealed record Applicant(string Gender, double Income, double Debt, int Dependents)
{
    public float[] ToFeatures() => new[] { (float)Income, (float)Debt, Dependents, {|FG0004:Gender|} == "F" ? 1f : 0f };
}

public interface IModel { float Predict(float[] features); }

public sealed class Scorer(IModel model)
{
    public float Score(Applicant applicant) => model.Predict(applicant.ToFeatures());
}
