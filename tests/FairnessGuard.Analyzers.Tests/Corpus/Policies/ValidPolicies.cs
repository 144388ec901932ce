// Valid policies in several shapes: no FG0003 expected.
using System.Threading.Tasks;
using FairnessGuard;

namespace Scoring.Valid;

public sealed class Person { public string Gender { get; set; } = ""; public Household Home { get; set; } = new(); public double Income { get; set; } }
public sealed class Household { public string Ethnicity { get; set; } = ""; }
public sealed class ScoreResult { public double Score { get; set; } public string Band { get; set; } = ""; }

[DemographicParity(nameof(Person.Gender))]
public sealed class Scorer
{
    [DemographicParity(nameof(Household.Ethnicity))] public Task<double> ScoreAsync(Person p) => Task.FromResult(p.Income);
    [DemographicParity("gender")] public float ByParameter(float income, string gender) => income;
    [DemographicParity(nameof(Person.Gender))] public ScoreResult Detailed(Person p) => new() { Score = p.Income };
    [DemographicParity(nameof(Person.Gender), Mode = PolicyMode.Monitor)] public IEnumerable<double> Batch(IEnumerable<Person> people) => people.Select(p => p.Income);
    [DemographicParity("Gender")] public double Untyped(object row) => 0;
}
