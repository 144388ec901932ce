using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

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
            [DemographicParity({|FG0003:"Ethnicity"|})]
            public static double {|FG1001:Score|}(Applicant a, double scale) => a.Income * scale;
        }
        """;

    [Fact]
    public async Task OffersTheMembersThatExistSensitiveOnesFirst()
    {
        // The offers, in order, for the one FG0003; the second one applied names Age, and the code compiles with
        // only the generator's FG1001 left (that method is not partial).
        var test = new FixTest<PolicyMemberCodeFixProvider> { CodeActionIndex = 1, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck | CodeFixTestBehaviors.SkipLocalDiagnosticCheck }
            .WithFix("/0/Policies.cs", Source, Source.Replace("{|FG0003:\"Ethnicity\"|}", "nameof(Applicant.Age)", StringComparison.Ordinal));
        await test.RunAsync();

        Assert.NotEmpty(test.OfferedTitles);
        Assert.All(test.OfferedTitles, offers => Assert.Equal(new[] { "Use nameof(Applicant.Race)", "Use nameof(Applicant.Age)", "Use nameof(Applicant.Income)", "Use nameof(scale)" }, offers));
    }

    [Fact]
    public async Task ApplyingTheFirstOfferFixesTheErrorAndLeavesTheGeneratorsOwnFix()
    {
        // FG0003 is gone; what is left is the generator's FG1001 on this non-partial method (its own fix). The
        // member to name is a choice per policy, so this fix has no Fix All.
        var test = new FixTest<PolicyMemberCodeFixProvider> { CodeActionIndex = 0, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck | CodeFixTestBehaviors.SkipLocalDiagnosticCheck }
            .WithFix("/0/Policies.cs", Source, Source.Replace("{|FG0003:\"Ethnicity\"|}", "nameof(Applicant.Race)", StringComparison.Ordinal));
        await test.RunAsync();
    }
}
