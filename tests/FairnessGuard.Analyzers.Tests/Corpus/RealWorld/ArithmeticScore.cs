// Issue 14.3: a score computed as arithmetic on the entity's members, leaving Race out.
namespace Lending;

public sealed class LoanApplication
{
    public double Income { get; init; }
    public double Debt { get; init; }
    public string Race { get; init; } = "";
}

public static class RuleBasedScore
{
    public static double Score(LoanApplication a) => {|FG0001:0.3 * a.Income - 0.2 * a.Debt|};
}
