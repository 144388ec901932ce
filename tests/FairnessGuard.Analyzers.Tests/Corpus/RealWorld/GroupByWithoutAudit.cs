// A GroupBy for a report (no four-fifths check) is no output constraint.
namespace Lending2;

public sealed class Applicant
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public string Gender { get; init; } = "";
}

public interface IModel { double Predict(double[] x); }

public sealed class Scorer(IModel model)
{
    public double Score(Applicant a) => model.Predict({|FG0001:new[] { a.Income, a.Debt }|});

    public static Dictionary<string, int> CountByGender(IEnumerable<Applicant> all) =>
        all.GroupBy(a => a.Gender).ToDictionary(g => g.Key, g => g.Count());
}
