using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>An edit that does not touch a decorated method is served from the generator's cache (the IDE stays fast).</summary>
public sealed class IncrementalCachingTests
{
    [Fact]
    public void UnrelatedEditLeavesEveryTrackedStepCached()
    {
        var compilation = GeneratorHarness.Compile(UserSources.Domain, UserSources.InstanceMethod, UserSources.TwoPolicies);
        var first = GeneratorHarness.Generate(GeneratorHarness.NewDriver(), compilation);
        Assert.Equal(2, first.Sources.Length);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Loans; public static class Unrelated { public static int Answer() => 42; }",
            GeneratorHarness.ParseOptions,
            path: "Unrelated.cs"));
        var second = GeneratorHarness.Generate(first.Driver, edited);

        var steps = second.Driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { ParityMethodGenerator.ReadStep, ParityMethodGenerator.ModelStep })
        {
            var outputs = Assert.Contains(name, (IDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>)steps)
                .SelectMany(step => step.Outputs)
                .ToList();
            Assert.Equal(2, outputs.Count);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }

    [Fact]
    public void EditOfADecoratedMethodRegeneratesOnlyThatMethod()
    {
        var compilation = GeneratorHarness.Compile(UserSources.Domain, UserSources.InstanceMethod, UserSources.TwoPolicies);
        var first = GeneratorHarness.Generate(GeneratorHarness.NewDriver(), compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "User1.cs");
        var changed = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            UserSources.InstanceMethod.Replace("Tolerance = 0.02", "Tolerance = 0.03", StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            path: "User1.cs"));
        var second = GeneratorHarness.Generate(first.Driver, changed);

        var reasons = second.Driver.GetRunResult().Results.Single().TrackedSteps[ParityMethodGenerator.ModelStep]
            .SelectMany(step => step.Outputs)
            .Select(o => o.Reason)
            .ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("Tolerance = 0.03D", second.Sources.Single(s => s.HintName.Contains("LoanModel", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }
}
