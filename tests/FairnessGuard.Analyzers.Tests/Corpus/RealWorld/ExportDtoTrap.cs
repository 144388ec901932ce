// Trap: a Select into a DTO for a CSV export; no model.
namespace Export;

public sealed class Applicant
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public string Gender { get; init; } = "";
}

public sealed record ExportRow(double Income, double Debt);

public static class CsvExport
{
    public static List<ExportRow> Rows(IEnumerable<Applicant> applicants) =>
        applicants.Select(a => new ExportRow(a.Income, a.Debt)).ToList();
}
