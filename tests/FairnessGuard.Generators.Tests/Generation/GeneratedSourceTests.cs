using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>
/// The generated implementation of each method shape, compared by SourceGenerators.Testing with reviewed snapshots
/// (<c>GeneratedSourceTests.&lt;Test&gt;.verified.txt</c>): exactly these files, no other, and no diagnostic.
/// </summary>
public sealed class GeneratedSourceTests
{
    public static TheoryData<string, NullableContextOptions> Shapes()
    {
        var data = new TheoryData<string, NullableContextOptions>();
        foreach (var shape in new[] { nameof(UserSources.InstanceMethod), nameof(UserSources.StaticAsyncSensitiveParameter), nameof(UserSources.TwoPolicies), nameof(UserSources.NestedGenericOverloads), nameof(UserSources.GlobalNamespace), nameof(UserSources.TypeLevelPolicy) })
        {
            data.Add(shape, NullableContextOptions.Enable);
            data.Add(shape, NullableContextOptions.Disable);
        }

        return data;
    }

    [Fact]
    public Task InstanceMethodReadsGroupFromParameterMember() =>
        new GeneratorTest(UserSources.Domain, UserSources.InstanceMethod).WithSnapshot("Loans.LoanModel.Score.g.cs").RunWithSnapshotsAsync();

    [Fact]
    public Task StaticAsyncMethodReadsGroupFromSensitiveParameter() =>
        new GeneratorTest(UserSources.Domain, UserSources.StaticAsyncSensitiveParameter).WithSnapshot("Loans.Scoring.Scores.ScoreAsync.g.cs").RunWithSnapshotsAsync();

    [Fact]
    public Task TwoPoliciesAreAppliedInDeclarationOrder() =>
        new GeneratorTest(UserSources.Domain, UserSources.TwoPolicies).WithSnapshot("Loans.TwoPolicyModel.ScoreAsync.g.cs").RunWithSnapshotsAsync();

    [Fact]
    public Task OverloadsInNestedGenericTypeGetOneFileEach() =>
        // Two files with distinct hint names, one per overload.
        new GeneratorTest(UserSources.Domain, UserSources.NestedGenericOverloads)
            .WithSnapshot("Loans.Outer.Scorer_T_.Score_aaa21fde.g.cs", "first")
            .WithSnapshot("Loans.Outer.Scorer_T_.Score_eeb24e99.g.cs", "second")
            .RunWithSnapshotsAsync();

    [Fact]
    public Task TypeLevelPolicyCoversPublicPartialMethodsBeforeTheirOwn() =>
        // The type's policy covers Score (its own file) and comes before ScoreBoth's own policy; Threshold (no
        // score input), Describe (not a score) and the non-partial Core methods get nothing.
        new GeneratorTest(UserSources.Domain, UserSources.TypeLevelPolicy)
            .WithSnapshot("Loans.TypeLevelModel.ScoreBoth.g.cs")
            .WithSnapshot("Loans.TypeLevelModel.Score.g.cs", "Score")
            .RunWithSnapshotsAsync();

    [Fact]
    public Task NullableParameterInGlobalNamespaceIsReadWithNullPropagation() =>
        new GeneratorTest(UserSources.Domain, UserSources.GlobalNamespace).WithSnapshot("GlobalModel.Score.g.cs").RunWithSnapshotsAsync();

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task GeneratedCodeCompilesWithoutDiagnostics(string shape, NullableContextOptions nullable)
    {
        var source = (string)typeof(UserSources).GetField(shape)!.GetValue(null)!;

        // Without the generator, every partial declaration lacks its implementation (CS8795)...
        await new GeneratorTest(nullable, UserSources.Domain, source) { WithoutGenerator = true }.ExpectingUnimplementedPartialMethods().RunAsync();

        // ...with it, no error is left and the generated code adds no warning and no generator diagnostic (the
        // user's own code may warn, e.g. '?' with nullable disabled). Its text is the snapshot tests' business.
        await new GeneratorTest(nullable, UserSources.Domain, source)
        {
            WarningsFromGeneratedCodeOnly = true,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        }.RunAsync();
    }
}
