using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

public class PolicyMemberFixTests
{
    private const string Source = """
        using FairnessGuard;

        public sealed class Applicant
        {
            public double Income { get; init; }
            public string Race { get; init; } = "";
            public int Age { get; init; }
        }

        public static class Policies
        {
            [DemographicParity("Ethnicity")]
            public static double Score(Applicant a, double scale) => a.Income * scale;
        }
        """;

    [Fact]
    public async Task OffersTheMembersThatExistSensitiveOnesFirst()
    {
        var offers = await CodeFixRunner.OffersAsync(new TestProject().WithSource(Source), new PolicyMemberCodeFixProvider(), RuleIdentifiers.PolicyCannotWork);

        Assert.Equal(new[] { "Use nameof(Applicant.Race)", "Use nameof(Applicant.Age)", "Use nameof(Applicant.Income)", "Use nameof(scale)" }, offers);
    }

    [Fact]
    public async Task ApplyingAnOfferFixesTheError()
    {
        var (text, remaining) = await CodeFixRunner.FixAsync(new TestProject().WithSource(Source), new PolicyMemberCodeFixProvider(), RuleIdentifiers.PolicyCannotWork);

        Assert.Contains("[DemographicParity(nameof(Applicant.Race))]", text, StringComparison.Ordinal);

        // FG0003 is gone; what is left is the generator's FG1001 on this non-partial method (its own fix).
        Assert.Equal("FG1001", Assert.Single(remaining).Id);
    }
}
