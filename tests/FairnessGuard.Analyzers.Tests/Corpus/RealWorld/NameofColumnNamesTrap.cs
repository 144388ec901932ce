// Trap (issue 14.3): nameof(Row.X) names columns for a schema printout; no entity is read.
namespace Schema;

public sealed class Applicant
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public string Gender { get; init; } = "";
}

public sealed record ColumnPair(string Output, string Input);

public static class FeatureSchema
{
    public static ColumnPair[] ToFeatures() =>
        new[] { new ColumnPair("inc", nameof(Applicant.Income)), new ColumnPair("debt", nameof(Applicant.Debt)) };
}
