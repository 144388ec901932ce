// Field test 3, a known miss (real HR recognition scorer): the score is a weighted sum whose parts come from private
// helpers (a text-to-number map, a normaliser, a weight lookup) over the employee's tenure, rating and absences; the
// employee's gender is never read and nothing constrains the outputs. A reviewer expects FG0001 on the returned score;
// the rule cannot follow the helper calls (a part it cannot evaluate makes the score unknown) and stays silent.
namespace Recognition;

public class Employee
{
    public string Name { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Rating { get; set; } = "";
    public double Tenure { get; set; }
    public double Absence { get; set; }
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
        var score = rating * Weight(weights, "rating", total) + tenure * Weight(weights, "tenure", total) + presence * Weight(weights, "presence", total);
        return {|FG0001:Math.Round(score * 100, 1)|};
    }

    private static double RatingValue(string text) => text switch { "exceeds" => 1.0, "meets" => 0.7, _ => 0.3 };

    private static double Normalise(double value, double max) => max > 0 ? Math.Min(value / max, 1) : 0;

    private static double Weight(IReadOnlyDictionary<string, int> weights, string key, int total) => weights.TryGetValue(key, out var w) ? (double)w / total : 0;
}
