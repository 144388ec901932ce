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
        var offers = await CodeFixRunner.OffersAsync(new TestProject().WithSource(Source.Replace("{|FG0003:", string.Empty, StringComparison.Ordinal).Replace("{|FG1001:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)), new PolicyMemberCodeFixProvider(), RuleIdentifiers.PolicyCannotWork);

        Assert.Equal(new[] { "Use nameof(Applicant.Race)", "Use nameof(Applicant.Age)", "Use nameof(Applicant.Income)", "Use nameof(scale)" }, offers);
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
