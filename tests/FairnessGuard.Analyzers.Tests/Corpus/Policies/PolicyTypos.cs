// Output policies written by hand, with the usual mistakes.
using FairnessGuard;

namespace Scoring;

public sealed record Borrower(double Income, double Debt, string Race, string Sex);

public sealed class Policies
{
    [DemographicParity({|FG0003:"Ethnicity"|})]
    public double Score(Borrower b) => b.Income - b.Debt;

    [DemographicParity({|FG0003:"Gender"|}, Tolerance = 0.02)]
    public double ScoreGender(Borrower b) => b.Income;

    [{|FG0003:DemographicParity(nameof(Borrower.Race))|}]
    public bool Approve(Borrower b) => b.Income > 2 * b.Debt;

    [{|FG0003:DemographicParity(nameof(Borrower.Sex))|}]
    public string Explain(Borrower b) => "ok";

    [DemographicParity(nameof(Borrower.Race))]
    public double Valid(Borrower b) => b.Income;
}

[DemographicParity({|FG0003:"Religion"|})]
public sealed class TypeLevel
{
    public double Rate(Borrower b) => b.Debt;
}

[DemographicParity(nameof(Borrower.Race))]
public sealed class Counts
{
    [{|FG0003:DemographicParity(nameof(Borrower.Race))|}]
    public int Count(Borrower b) => 1;
}
