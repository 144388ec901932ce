using FairnessGuard.Guard;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>
/// A generator test on Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing 1.1.4 (issue 14.4): the user's
/// sources over the .NET 10 reference assemblies (Microsoft.NETCore.App.Ref 10.0.10, restored with the solution)
/// and the real FairnessGuard runtime. The framework checks the generated sources are exactly
/// <c>TestState.GeneratedSources</c> (none, for a method that cannot be guarded) and the diagnostics exactly the
/// expected ones, compiler errors included.
/// </summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<ParityMethodGenerator, DefaultVerifier>
{
    public GeneratorTest(params string[] sources)
    {
        ReferenceAssemblies = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"),
            Path.Combine("ref", "net10.0"));
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ParityGuard<>).Assembly.Location));
        for (var i = 0; i < sources.Length; i++)
        {
            TestState.Sources.Add(($"User{i}.cs", sources[i]));
        }

        SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, GeneratorHarness.ParseOptions));
    }

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
