using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on the commonest shape of a hand-written points score (field test round 4): points added under conditions
/// (<c>if (a.Income &gt; 50000) score += 20;</c>) and a score rounded, clamped or cast on its way out
/// (<c>Math.Round(score, 2)</c>, <c>(int)Math.Clamp(…, 400, 850)</c>, <c>Math.Max(0.01, Math.Min(0.99, p))</c>). The
/// conditions read the score's features as much as the added values do; a condition or a local that calls what the rule
/// cannot read keeps the score unreported.
/// </summary>
public class GuardedScoreTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public double Income { get; init; }
            public double Debt { get; init; }
            public int Years { get; init; }
            public string NationalId { get; init; } = "";
            public string Gender { get; init; } = "";
        }

        public interface IBureau { bool Flagged(string nationalId); int Weight(string factor); }
        """;

    [Fact]
    public async Task PointsAddedUnderConditionsAreAScoreWhoseConditionsAreItsFeatures()
    {
        var diagnostics = await new TestProject().WithSource(Applicant).WithSource("""
            public static class Card
            {
                public static int Score(Applicant a)
                {
                    int score = 0;
                    if (a.Income > 50000) score += 20;
                    if (a.Years > 5) { score += 10; } else { score -= 5; }
                    switch (a.Debt)
                    {
                        case > 10000:
                            score -= 15;
                            break;
                    }

                    return {|FG0001:score|};
                }
            }
            """).VerifyAsync();

        Assert.Contains("which read Income, Years, Debt", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundedClampedAndCastScoresAreReadUnderTheirWrapper()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public static class Wrapped
            {
                public static double ScoreRounded(Applicant a)
                {
                    var s = 0.0;
                    s += a.Income / 1000;
                    s -= a.Debt / 500;
                    return System.Math.Round({|FG0001:s|}, 2);
                }

                public static double ScoreProbability(Applicant a)
                {
                    var p = 0.5;
                    if (a.Income > 5000) p += 0.2;
                    if (a.Debt > 1000) p -= 0.3;
                    return System.Math.Max(0.01, System.Math.Min(0.99, {|FG0001:p|}));
                }

                public static int ScoreClamped(Applicant a) => (int)System.Math.Clamp({|FG0001:400 + a.Income / (a.Debt + 1) * 400|}, 400, 850);
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task TrapsWithTheAttributeInAConditionOrAnOpaqueConditionOrLocalAreSilent()
    {
        await new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed).WithSource(Applicant).WithSource("""
            public sealed class Cards(IBureau bureau)
            {
                // The gender decides points: it is used (FG0004 where it is read), nothing is dropped.
                public int ScoreByGenderRule(Applicant a)
                {
                    var score = 0;
                    if (a.Income > 50000) score += 20;
                    if ({|FG0004:a.Gender|} == "F") score += 5;
                    score += a.Years;
                    return score;
                }

                // A condition asks a bureau: what it reads is unknown.
                public int ScoreWithBureau(Applicant a)
                {
                    var score = 0;
                    if (bureau.Flagged(a.NationalId)) score -= 50;
                    score += a.Years * 2;
                    score += a.Income > 50000 ? 20 : 0;
                    return score;
                }

                // The weights come from the bureau: the score is not arithmetic this rule can vouch for.
                public double ScoreWeighted(Applicant a)
                {
                    var income = a.Income * bureau.Weight("income");
                    var debt = a.Debt * bureau.Weight("debt");
                    return System.Math.Round(income - debt, 2);
                }

                // Rounded, but to a number chosen by the caller and the score is two names: not a score to single out.
                public double ScoreAmbiguous(Applicant a, double floor)
                {
                    var x = a.Income;
                    return System.Math.Max(floor, x);
                }
            }
            """).VerifyAsync();
    }
}
