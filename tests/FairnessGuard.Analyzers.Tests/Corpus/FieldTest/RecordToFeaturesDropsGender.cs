// A record builds its own feature vector and leaves its Gender out; the scorer feeds it to the model. FG0001.
namespace RecordFeatures;

public sealed record Applicant(string Gender, double Income, double Debt, int Dependents)
{
    public float[] ToFeatures() => {|FG0001:new[] { (float)Income, (float)Debt, Dependents }|};
}

public interface IModel { float Predict(float[] features); }

public sealed class Scorer(IModel model)
{
    public float Score(Applicant applicant) => model.Predict(applicant.ToFeatures());
}
