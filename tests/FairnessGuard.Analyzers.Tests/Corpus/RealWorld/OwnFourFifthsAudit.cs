// Trap (issue 14.3): the project audits its outputs by Gender with a four-fifths check.
namespace Screening;

public sealed class Applicant
{
    public double Score1 { get; init; }
    public double Score2 { get; init; }
    public string Gender { get; init; } = "";
}

public interface IModel { double Predict(double[] x); }

public sealed class Screener(IModel model)
{
    public double Score(Applicant a) => model.Predict(new[] { a.Score1, a.Score2 });
}

public static class SelectionAudit
{
    public static bool PassesFourFifths(IReadOnlyList<(Applicant Applicant, bool Selected)> outcomes)
    {
        var rates = outcomes.GroupBy(o => o.Applicant.Gender).Select(g => g.Count(o => o.Selected) / (double)g.Count()).ToList();
        return rates.Min() / rates.Max() >= 0.8;
    }
}
