// Trap (field test 5, several output paths): one path computes a score from two members of the applicant; the other hands
// the whole applicant to a model behind an interface, which may read anything, the nationality included. The method's
// output cannot be vouched for: no FG0001.
namespace Lending.Delegated;

public sealed class Applicant
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public string Nationality { get; init; } = "";
}

public interface IRiskModel
{
    double Predict(Applicant applicant);
}

public sealed class RiskScorer
{
    private readonly IRiskModel _model;

    public RiskScorer(IRiskModel model) => _model = model;

    public double Score(Applicant applicant)
    {
        if (applicant.Debt == 0)
        {
            return 0.2 * applicant.Income / 1000 - 0.1 * applicant.Debt;
        }

        return _model.Predict(applicant);
    }
}
