using FairnessGuard.TestKit;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>The generated implementation of each method shape, compared with reviewed snapshots.</summary>
public sealed class GeneratedSourceTests
{
    public static TheoryData<string> Shapes() =>
    [
        nameof(UserSources.InstanceMethod),
        nameof(UserSources.StaticAsyncSensitiveParameter),
        nameof(UserSources.TwoPolicies),
        nameof(UserSources.NestedGenericOverloads),
        nameof(UserSources.GlobalNamespace),
    ];

    [Fact]
    public void InstanceMethodReadsGroupFromParameterMember() =>
        Snapshot.Match(Single(UserSources.InstanceMethod));

    [Fact]
    public void StaticAsyncMethodReadsGroupFromSensitiveParameter() =>
        Snapshot.Match(Single(UserSources.StaticAsyncSensitiveParameter));

    [Fact]
    public void TwoPoliciesAreAppliedInDeclarationOrder() =>
        Snapshot.Match(Single(UserSources.TwoPolicies));

    [Fact]
    public void OverloadsInNestedGenericTypeGetOneFileEach()
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, UserSources.NestedGenericOverloads);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(2, run.Sources.Length);
        Assert.NotEqual(run.Sources[0].HintName, run.Sources[1].HintName);
        Snapshot.Match(run.Source(0), "first");
        Snapshot.Match(run.Source(1), "second");
    }

    [Fact]
    public void NullableParameterInGlobalNamespaceIsReadWithNullPropagation() =>
        Snapshot.Match(Single(UserSources.GlobalNamespace));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GeneratedCodeCompilesWithoutDiagnostics(string shape)
    {
        var source = (string)typeof(UserSources).GetField(shape)!.GetValue(null)!;
        var run = GeneratorHarness.Generate(UserSources.Domain, source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompilationDiagnostics());
    }

    private static string Single(string source)
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, source);
        Assert.Empty(run.GeneratorDiagnostics);
        return Assert.Single(run.Sources).SourceText.ToString();
    }
}
