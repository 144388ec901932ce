// Field test 3, trap (real HR recognition scorer): the score is a weighted sum of parts computed by private helpers
// over the employee's rating, tenure and absences, plus a diversity score that the loader derived from the employee's
// gender elsewhere. The gender is not read here but it is not left out either: it enters through the derived score.
// Silent. (The rule is silent because it cannot follow the helper calls; a rule that did would still have to count the
// derived score as the gender's use.)
namespace Recognition;

public class Employee
{
    public string Name { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Rating { get; set; } = "";
    public double Tenure { get; set; }
    public double Absence { get; set; }
    public double DiversityScore { get; set; }
}

public class RecognitionScorer
{
    public double ComputeScore(Employee employee, IReadOnlyList<Employee> everyone, IReadOnlyDictionary<string, int> weights)
    {
        var total = weights.Values.Sum();
        if (total == 0)
        {
            return 0;
        }

        var maxTenure = everyone.Count > 0 ? everyone.Max(e => e.Tenure) : 1;
        var rating = RatingValue(employee.Rating);
        var tenure = Normalise(employee.Tenure, maxTenure);
        var presence = 1 - employee.Absence;
        var diversity = employee.DiversityScore / 100.0;
        var score = rating * Weight(weights, "rating", total) + tenure * Weight(weights, "tenure", total)
            + presence * Weight(weights, "presence", total) + diversity * Weight(weights, "diversity", total);
        return Math.Round(score * 100, 1);
    }

    private static double RatingValue(string text) => text switch { "exceeds" => 1.0, "meets" => 0.7, _ => 0.3 };

    private static double Normalise(double value, double max) => max > 0 ? Math.Min(value / max, 1) : 0;

    private static double Weight(IReadOnlyDictionary<string, int> weights, string key, int total) => weights.TryGetValue(key, out var w) ? (double)w / total : 0;
}

public static class EmployeeLoader
{
    public static double DiversityScoreOf(Employee employee) => employee.Gender != "Male" ? 20 : 0;
}
