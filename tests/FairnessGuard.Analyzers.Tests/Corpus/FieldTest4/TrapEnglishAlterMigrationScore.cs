// Trap (field test 4, English collision): Alter is a schema change's verb here, the English word German "Alter" (age)
// collides with. The migration risk score reads rows and indexes and never the flag: no FG0001.
namespace Schema.Planner;

public sealed class MigrationStep
{
    public long Rows { get; init; }
    public int Indexes { get; init; }
    public bool Alter { get; init; }
    public string Table { get; init; } = "";
}

public static class MigrationRisk
{
    public static double Score(MigrationStep step) => 0.000001 * step.Rows + 0.2 * step.Indexes;
}
