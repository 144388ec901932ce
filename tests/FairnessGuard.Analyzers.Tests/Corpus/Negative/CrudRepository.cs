// A repository with search filters on protected attributes and DTO projections without them.
namespace Registry;

public sealed class Citizen
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Gender { get; set; } = "";
    public int Age { get; set; }
    public string Nationality { get; set; } = "";
    public string City { get; set; } = "";
}

public sealed record CitizenListItem(int Id, string Name, string City);

public sealed class CitizenRepository(List<Citizen> store)
{
    public IReadOnlyList<CitizenListItem> Search(string? gender, int? minAge, string? nationality) =>
        store.Where(c => gender is null || c.Gender == gender)
             .Where(c => minAge is null || c.Age >= minAge)
             .Where(c => nationality is null || c.Nationality == nationality)
             .Select(c => new CitizenListItem(c.Id, c.Name, c.City))
             .ToList();

    public object[] ToRow(Citizen c) => new object[] { c.Id, c.Name, c.City };

    public Dictionary<string, object> ToJson(Citizen c) => new() { ["id"] = c.Id, ["name"] = c.Name };
}
