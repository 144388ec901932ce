using System.Collections.Immutable;
using FairnessGuard.Analyzers.FeatureFlow;
using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Tests.Model;

/// <summary>
/// The per-class model input cache (issue 14.5): read once per class declaration and compilation, even when
/// many pipelines of the class are analysed at the same time; a cancelled read is not cached.
/// </summary>
public class ClassInputCacheTests
{
    private static (FairnessCompilationContext Context, TypeDeclarationSyntax Type) Create()
    {
        var tree = CSharpSyntaxTree.ParseText("class Pipelines { void A() { } void B() { } }");
        var compilation = CSharpCompilation.Create("Cache", new[] { tree });
        var context = new FairnessCompilationContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        return (context, tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Single());
    }

    [Fact]
    public async Task ConcurrentPipelinesOfOneClassShareOneRead()
    {
        var (context, type) = Create();
        var reads = 0;
        using var start = new ManualResetEventSlim();
        MlNetPipeline.ClassInput Read()
        {
            Interlocked.Increment(ref reads);
            Thread.Sleep(50); // keep the read open while the other pipelines ask
            return new MlNetPipeline.ClassInput();
        }

        var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return context.PerClass(type, Read);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(1, reads);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void ACancelledReadIsNotCached()
    {
        var (context, type) = Create();
        Assert.Throws<OperationCanceledException>(() => context.PerClass(type, () => throw new OperationCanceledException()));

        var input = new MlNetPipeline.ClassInput();
        Assert.Same(input, context.PerClass(type, () => input));
        Assert.Same(input, context.PerClass(type, () => new MlNetPipeline.ClassInput()));
    }
}
