// Trap: type-qualified constants are not reads of an instance.
namespace Limits;

public sealed class Applicant
{
    public double Income { get; init; }
    public string Race { get; init; } = "";
    public static double MaxIncome = 1e6;
    public static double MinIncome = 0;
}

public static class Normaliser
{
    public static double[] ToFeatures(double income) => new[] { income / Applicant.MaxIncome, Applicant.MinIncome };
}
