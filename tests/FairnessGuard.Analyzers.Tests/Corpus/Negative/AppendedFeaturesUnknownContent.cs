// Features appended one at a time, but what the model sees cannot be told from this code: a shared helper
// appends the demographic encoding to the same list, and the second model appends signals computed
// upstream in a loop. A reviewer cannot say anything was dropped; neither may the analyzer.
namespace Lending.Scoring;

public sealed class Borrower
{
    public float Income { get; init; }
    public float DebtToIncome { get; init; }
    public float LoanAmount { get; init; }
    public string Gender { get; init; } = "";
    public int Age { get; init; }
    public IReadOnlyList<float> UpstreamSignals { get; init; } = [];
}

public interface ILoanModel { float Score(IList<float> features); }

public static class DemographicEncoder
{
    public static void AppendTo(List<float> features, Borrower borrower, bool includeAge) { }
}

public sealed class LoanScorer(ILoanModel model, bool includeAge)
{
    public float ScoreWithEncoder(Borrower b)
    {
        var features = new List<float>();
        features.Add(b.Income);
        features.Add(b.DebtToIncome);
        features.Add(b.LoanAmount);
        DemographicEncoder.AppendTo(features, b, includeAge);
        return model.Score(features);
    }

    public float ScoreWithSignals(Borrower b)
    {
        var features = new List<float>();
        features.Add(b.Income);
        features.Add(b.LoanAmount);
        foreach (var signal in b.UpstreamSignals)
        {
            features.Add(signal);
        }

        return model.Score(features);
    }
}
