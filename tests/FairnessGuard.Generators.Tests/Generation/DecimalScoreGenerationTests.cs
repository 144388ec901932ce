using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>The generated implementation of a <c>decimal</c> and a <c>ValueTask&lt;decimal&gt;</c> score (reviewed snapshot), and that it compiles.</summary>
public sealed class DecimalScoreGenerationTests
{
    private const string DecimalScores = """
        using System.Threading.Tasks;
        using FairnessGuard;

        namespace Loans;

        public partial class CreditScoring
        {
            [DemographicParity(nameof(Applicant.Race))]
            public partial decimal Score(Applicant applicant);

            [DemographicParity(nameof(Applicant.Race))]
            public partial ValueTask<decimal> ScoreAsync(Applicant applicant);

            private decimal ScoreCore(Applicant applicant) => (decimal)applicant.Income;

            private ValueTask<decimal> ScoreAsyncCore(Applicant applicant) => new((decimal)applicant.Income);
        }
        """;

    [Fact]
    public Task DecimalScoreIsGuardedAsADoubleAndKeptExactWhenUnchanged() =>
        new GeneratorTest(UserSources.Domain, DecimalScores)
            .WithSnapshot("Loans.CreditScoring.Score.g.cs")
            .WithSnapshot("Loans.CreditScoring.ScoreAsync.g.cs", "async")
            .RunWithSnapshotsAsync();

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    public Task GeneratedDecimalCodeCompilesWithoutDiagnostics(NullableContextOptions nullable) =>
        new GeneratorTest(nullable, UserSources.Domain, DecimalScores)
        {
            WarningsFromGeneratedCodeOnly = true,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        }.RunAsync();
}
