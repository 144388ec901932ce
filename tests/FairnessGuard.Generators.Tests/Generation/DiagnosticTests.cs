namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>A method the generator cannot guard fails the build with a diagnostic that says why, and gets no code.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "FG1001", "public double Score(Applicant a) => a.Income;", "is not a partial method" },
        { "FG1002", "public partial double Score(Applicant a);", "no method 'ScoreCore'" },
        { "FG1002", "public partial int Score(Applicant a); private int ScoreCore(Applicant a) => 0;", "supported are double, float, decimal" },
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
        // compiler's own errors about the unimplemented partial method are not what this test is about); its
        // message says why.
        var marked = new System.Text.RegularExpressions.Regex(@"\bScore\b").Replace(member, "{|#0:Score|}", 1);
        var test = Reported(id, Model.Replace("MEMBER", marked, StringComparison.Ordinal));
        await test.RunAsync();
        AssertMessageSays(test, reason);
    }

    [Theory]
    [InlineData("Strength = 1.5", "Strength must be in [0, 1] (got 1.5)")]
    [InlineData("Tolerance = 0", "Tolerance must be in (0, 1) (got 0)")]
    [InlineData("WarmUp = 0", "WarmUp must be at least 1 (got 0)")]
    public async Task InvalidAttributeValueIsReportedAtBuildTime(string setting, string message)
    {
        var test = Reported("FG1005", $$"""
            using FairnessGuard;
            namespace Loans;
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race), {{setting}})]
                public partial double {|#0:Score|}(Applicant a);
                private double ScoreCore(Applicant a) => 0;
            }
            """);
        await test.RunAsync();
        AssertMessageSays(test, message);
    }

    [Fact]
    public async Task PolicyTheGuardCannotEnforceIsReportedNotIgnored()
    {
        var test = Reported("FG1004", """
            using FairnessGuard;
            namespace Loans;
            public sealed class EqualOpportunityAttribute(string member) : FairnessConstraintAttribute(member);
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race))]
                [EqualOpportunity(nameof(Applicant.Race))]
                public partial double {|#0:Score|}(Applicant a);
                private double ScoreCore(Applicant a) => 0;
            }
            """);
        await test.RunAsync();
        AssertMessageSays(test, "EqualOpportunityAttribute");
    }

    [Fact]
    public async Task HandWrittenImplementationIsReported()
    {
        await Reported("FG1002", """
            using FairnessGuard;
            namespace Loans;
            public partial class Model
            {
                [DemographicParity(nameof(Applicant.Race))]
                public partial double {|#0:Score|}(Applicant a);
                public partial double Score(Applicant a) => a.Income;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task TypeLevelPolicyReportsPublicPredictionMethodsThatAreNotPartial()
    {
        // Only the public method that takes the group and returns a score: not Internal, not Threshold.
        var test = Reported("FG1001", """
            using FairnessGuard;
            namespace Loans;
            [DemographicParity(nameof(Applicant.Race))]
            public partial class Model
            {
                public double {|#0:Score|}(Applicant a) => a.Income;
                internal double Internal(Applicant a) => a.Income;
                public double Threshold() => 0.5;
            }
            """);
        await test.RunAsync();
        AssertMessageSays(test, "'Score'");
    }

    /// <summary>
    /// Expects exactly the error <paramref name="id"/> at marker 0 and no generated source; the compiler's own
    /// errors (e.g. the unimplemented partial method) are left out.
    /// </summary>
    private static GeneratorTest Reported(string id, string model)
    {
        var test = new GeneratorTest(UserSources.Domain, model) { CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        test.TestState.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError(id).WithLocation(0));
        return test;
    }

    /// <summary>Every run's generator diagnostic (the framework compiles the sources more than once) says why.</summary>
    private static void AssertMessageSays(GeneratorTest test, string reason)
    {
        Assert.NotEmpty(test.GeneratorDiagnostics);
        Assert.All(test.GeneratorDiagnostics, d => Assert.Contains(reason, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
