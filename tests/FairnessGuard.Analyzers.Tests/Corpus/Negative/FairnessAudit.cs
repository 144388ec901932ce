// Fairness-metric code reads group membership on purpose and computes selection rates per group.
namespace Audit;

public sealed record ScoredApplicant(string Race, string Sex, int AgeBand, double Score);

public static class DisparateImpact
{
    public static double Ratio(IReadOnlyList<ScoredApplicant> rows, double threshold)
    {
        var rates = rows.GroupBy(r => r.Race)
            .Select(g => g.Count(r => r.Score >= threshold) / (double)g.Count())
            .ToList();
        return rates.Min() / rates.Max();
    }

    public static double[] ScoresOf(IEnumerable<ScoredApplicant> rows, string sex) =>
        rows.Where(r => r.Sex == sex).Select(r => r.Score).ToArray();

    public static double PredictedShare(IReadOnlyList<ScoredApplicant> rows) =>
        rows.Select(r => new[] { r.Score, r.AgeBand }).Count(v => v[0] > 0.5) / (double)rows.Count;
}
