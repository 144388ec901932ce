using FairnessGuard.TestKit;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>The generated implementation of each method shape, compared with reviewed snapshots.</summary>
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
    public void TypeLevelPolicyCoversPublicPartialMethodsBeforeTheirOwn()
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, UserSources.TypeLevelPolicy);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["Loans.TypeLevelModel.Score.g.cs", "Loans.TypeLevelModel.ScoreBoth.g.cs"], run.Sources.Select(s => s.HintName).Order());
        Snapshot.Match(run.Sources.Single(s => s.HintName.EndsWith("ScoreBoth.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void NullableParameterInGlobalNamespaceIsReadWithNullPropagation() =>
        Snapshot.Match(Single(UserSources.GlobalNamespace));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GeneratedCodeCompilesWithoutDiagnostics(string shape, NullableContextOptions nullable)
    {
        var source = (string)typeof(UserSources).GetField(shape)!.GetValue(null)!;
        var compilation = GeneratorHarness.Compile(nullable, UserSources.Domain, source);
        var run = GeneratorHarness.Generate(GeneratorHarness.NewDriver(), compilation);

        // The user's own code may warn (e.g. '?' with nullable disabled); the generated code adds nothing
        // and removes every "partial method must have an implementation" error (CS8795).
        var before = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.Contains(before, d => d.Id == "CS8795");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Equal(
            before.Where(d => d.Id != "CS8795").Select(d => d.ToString()).Order(),
            run.CompilationDiagnostics().Select(d => d.ToString()).Order());
    }

    private static string Single(string source)
    {
        var run = GeneratorHarness.Generate(UserSources.Domain, source);
        Assert.Empty(run.GeneratorDiagnostics);
        return Assert.Single(run.Sources).SourceText.ToString();
    }
}
