// Trap (field test 5, a casting app): an auditioned performer's overall mark is the weighted sum of the marks the panel
// gave for each criterion; gender and date of birth are on the record and not read. A total of the judges' own marks is
// bookkeeping, not a model's prediction (the method is not named as a scorer): no FG0001.
namespace Casting.Auditions;

using System.Collections.Generic;
using System.Linq;

public sealed class Criterion
{
    public double MaxMark { get; init; }
    public double Weight { get; init; }
}

public sealed class Mark
{
    public Criterion Criterion { get; init; } = new();
    public double Value { get; init; }
}

public sealed class Performer
{
    public string Name { get; init; } = "";
    public string Gender { get; init; } = "";
    public System.DateTime DateOfBirth { get; init; }
    public List<Mark> Marks { get; } = new();

    public int OverallMark() => (int)Marks.Sum(m => m.Value / m.Criterion.MaxMark * m.Criterion.Weight);
}
