using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// A member typed as a colour to draw with (<c>Color skinColor</c> on a game's avatar) is a rendering value, not a
/// recorded attribute: it is never a dropped sensitive attribute, while a same-named member of a data type still is.
/// </summary>
public class DrawingColourMemberTests
{
    private const string Patient = """
        public struct Color { public float R, G, B; }

        public class Patient
        {
            public int age;
            public int sex;
            public float bmi;
            public Color skinColor;
            public Color? hairColor;
        }
        """;

    [Fact]
    public async Task AColourValuedSkinColourIsNotReportedWhenTheScoreLeavesItOut()
    {
        await new TestProject().WithSource(Patient).WithSource("""
            public static class Risk
            {
                public static int RiskScore(Patient p)
                {
                    var score = p.age < 45 ? 0 : 3;
                    score += p.bmi < 25 ? 0 : 2;
                    score += p.sex == 1 ? 1 : 0;
                    return score;
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task TheSexLeftOutIsStillReportedNextToTheColours()
    {
        await new TestProject().WithSource(Patient).WithSource("""
            public static class Risk
            {
                public static int RiskScore(Patient p)
                {
                    var score = p.age < 45 ? 0 : 3;
                    score += p.bmi < 25 ? 0 : 2;
                    return {|FG0001:score|};
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task ASkinToneRecordedAsTextIsStillSensitive()
    {
        await new TestProject().WithSource("""
            public class Applicant
            {
                public int Age { get; set; }
                public double Income { get; set; }
                public string SkinTone { get; set; } = "";
            }

            public static class Risk
            {
                public static double RiskScore(Applicant a)
                {
                    var score = a.Income / 1000.0;
                    score += a.Age > 60 ? 1 : 0;
                    return {|FG0001:score|};
                }
            }
            """).VerifyAsync();
    }
}
