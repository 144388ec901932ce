// Issue 14.3: a LINQ Select projects applicants into a DTO that reaches a scorer, leaving Gender out.
namespace Dto;

public sealed class Applicant
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public string Gender { get; init; } = "";
}

public sealed record ModelInput(double Income, double Debt);

public interface IScorer { double Score(ModelInput input); }

public sealed class BatchScoring(IScorer scorer)
{
    public double[] ScoreAll(IEnumerable<Applicant> applicants) =>
        applicants.Select(a => {|FG0001:new ModelInput(a.Income, a.Debt)|}).Select(scorer.Score).ToArray();
}
