// Trap (field test 5, points scores): the weights of an employee's recognition score come from a configuration table
// read through a lookup, and the result is rounded. What the table holds, and what it was derived from, cannot be read
// here: the score is not one the rule can vouch for, no FG0001, although the employee's gender is read nowhere.
namespace People.Recognition;

using System.Collections.Generic;

public sealed class StaffMember
{
    public double Rating { get; init; }
    public double TenureYears { get; init; }
    public double AbsenceRate { get; init; }
    public string Gender { get; init; } = "";
}

public sealed class RecognitionScorer
{
    private readonly IReadOnlyDictionary<string, double> _weights;

    public RecognitionScorer(IReadOnlyDictionary<string, double> weights) => _weights = weights;

    public double Score(StaffMember member)
    {
        var rating = member.Rating * Weight("rating");
        var tenure = member.TenureYears * Weight("tenure");
        var presence = (1 - member.AbsenceRate) * Weight("presence");
        return System.Math.Round(rating + tenure + presence, 1);
    }

    private double Weight(string key) => _weights.TryGetValue(key, out var w) ? w : 0;
}
