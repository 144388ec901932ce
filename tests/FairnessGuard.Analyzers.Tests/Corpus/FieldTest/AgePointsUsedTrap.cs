// A points table that scores the applicant's age directly: the attribute is used, not dropped. No FG0001;
// FG0004 (opt-in) marks the direct use.
namespace Points;

public sealed class Applicant
{
    public int Age { get; init; }
    public decimal Income { get; init; }
}

public sealed class PointsScorer
{
    public int Score(Applicant applicant)
    {
        var points = applicant.Income > 50000 ? 10 : 4;
        points += {|FG0004:applicant.Age|} switch { < 25 => 1, < 40 => 3, _ => 5 };
        return points;
    }
}
