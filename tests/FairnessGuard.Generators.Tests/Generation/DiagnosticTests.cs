namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>A method the generator cannot guard fails the build with a diagnostic that says why, and gets no code.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "FG1001", "public double Score(Applicant a) => a.Income;", "is not a partial method" },
        { "FG1002", "public partial double Score(Applicant a);", "no method 'ScoreCore'" },
        { "FG1002", "public partial decimal Score(Applicant a); private decimal ScoreCore(Applicant a) => 0m;", "supported are double, float" },
        { "FG1002", "public partial double Score<T>(Applicant a); private double ScoreCore<T>(Applicant a) => 0;", "generic" },
        { "FG1003", "public partial double Score(double income); private double ScoreCore(double income) => income;", "no parameter is named 'Race'" },
        { "FG1003", "public partial double Score(Applicant a, Applicant b); private double ScoreCore(Applicant a, Applicant b) => 0;", "several parameters" },
        { "FG1003", "public partial double Score(Applicant? a); private double ScoreCore(Applicant? a) => 0;", "may be null" },
        { "FG1003", "public partial double Score(Race? race); private double ScoreCore(Race? race) => 0;", "nullable value type" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UnguardableMethodIsReported(string id, string member, string reason)
    {
        const string Model = """
            using FairnessGuard;
            namespace Loans;
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race))]
                MEMBER
            }
            """;

        // On SourceGenerators.Testing: exactly this error on the method's name and no generated source at all (the
        // compiler's own errors about the unimplemented partial method are not what this test is about).
        var marked = new System.Text.RegularExpressions.Regex(@"\bScore\b").Replace(member, "{|#0:Score|}", 1);
        var test = new GeneratorTest(UserSources.Domain, Model.Replace("MEMBER", marked, StringComparison.Ordinal))
        {
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        test.TestState.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError(id).WithLocation(0));
        await test.RunAsync();

        // The message says why.
        var run = GeneratorHarness.Generate(UserSources.Domain, Model.Replace("MEMBER", member, StringComparison.Ordinal));
        Assert.Contains(reason, Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Strength = 1.5", "Strength must be in [0, 1] (got 1.5)")]
    [InlineData("Tolerance = 0", "Tolerance must be in (0, 1) (got 0)")]
    [InlineData("WarmUp = 0", "WarmUp must be at least 1 (got 0)")]
    public void InvalidAttributeValueIsReportedAtBuildTime(string setting, string message)
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, $$"""
            using FairnessGuard;
            namespace Loans;
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race), {{setting}})]
                public partial double Score(Applicant a);
                private double ScoreCore(Applicant a) => 0;
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FG1005", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyTheGuardCannotEnforceIsReportedNotIgnored()
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, """
            using FairnessGuard;
            namespace Loans;
            public sealed class EqualOpportunityAttribute(string member) : FairnessConstraintAttribute(member);
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race))]
                [EqualOpportunity(nameof(Applicant.Race))]
                public partial double Score(Applicant a);
                private double ScoreCore(Applicant a) => 0;
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FG1004", diagnostic.Id);
        Assert.Contains("EqualOpportunityAttribute", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void HandWrittenImplementationIsReported()
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, """
            using FairnessGuard;
            namespace Loans;
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race))]
                public partial double Score(Applicant a);
                public partial double Score(Applicant a) => a.Income;
            }
            """);

        Assert.Equal("FG1002", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void TypeLevelPolicyReportsPublicPredictionMethodsThatAreNotPartial()
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, """
            using FairnessGuard;
            namespace Loans;
            [DemographicParity(nameof(Applicant.Race))]
            public partial class Model
            {
                public double Score(Applicant a) => a.Income;
                internal double Internal(Applicant a) => a.Income;
                public double Threshold() => 0.5;
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FG1001", diagnostic.Id);
        Assert.Contains("'Score'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }
}
