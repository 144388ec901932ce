using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>
/// The reference assemblies of the compilations under test, resolved by Microsoft.CodeAnalysis.Testing from
/// NuGet packages. The versions are the ones Directory.Packages.props restores with this test project, so they
/// are already in the global packages folder and no test downloads anything.
/// </summary>
internal static class ReferenceSets
{
    public static ReferenceAssemblies Net10 { get; } = new(
        "net10.0",
        Package("Microsoft.NETCore.App.Ref", "10.0.10"),
        Path.Combine("ref", "net10.0"));

    /// <summary>.NET 10 with the real ML.NET 5.0.1, FastTree and LightGbm.</summary>
    public static ReferenceAssemblies Net10MlNet { get; } = Net10.AddPackages(ImmutableArray.Create(
        Package("Microsoft.ML", "5.0.1"),
        Package("Microsoft.ML.FastTree", "5.0.1"),
        Package("Microsoft.ML.LightGbm", "5.0.1")));

    /// <summary>src/FairnessGuard.ML as built with this test project (it is no package yet).</summary>
    public static MetadataReference FairnessGuardMl { get; } =
        MetadataReference.CreateFromFile(typeof(FairnessGuard.ML.FairnessCatalogExtensions).Assembly.Location);

    private static PackageIdentity Package(string id, string version) => new(id, version);
}
