using System.Reflection;
using FairnessGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Tests;

/// <summary>Every rule is declared once, documented in docs/rules, tracked in the release files, and fixable IDs exist.</summary>
public class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .ToArray();

    private static readonly string[] Identifiers = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    private static string RepositoryRoot => References.Metadata("RepositoryRoot")!;

    [Fact]
    public void EveryIdentifierHasExactlyOneDescriptor()
    {
        Assert.Equal(Identifiers.OrderBy(i => i), Descriptors.Select(d => d.Id).OrderBy(i => i));
    }

    [Fact]
    public void EveryHelpLinkPointsAtAnExistingRulePage()
    {
        foreach (var descriptor in Descriptors)
        {
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = Path.Combine(RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"Missing rule page {page}");
            var text = File.ReadAllText(page);
            Assert.Contains("# " + descriptor.Id, text, StringComparison.Ordinal);
            Assert.Contains("## Options", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRuleIsTrackedInTheUnshippedReleaseWithItsSeverity()
    {
        var release = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "FairnessGuard.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors)
        {
            var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            Assert.Contains(release, line => line.StartsWith(descriptor.Id + " | " + descriptor.Category + " | " + severity + " |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OneCatalogHoldsEveryAnalyzerAndGeneratorIdWithAHelpPage()
    {
        var catalog = FairnessGuard.Analyzers.Catalog.DiagnosticCatalog.All;
        Assert.Equal(catalog.Select(d => d.Id).Distinct().Count(), catalog.Length);
        Assert.All(Descriptors, d => Assert.Same(catalog.Single(c => c.Id == d.Id), d));
        foreach (var descriptor in catalog)
        {
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepositoryRoot, "docs", "rules", descriptor.Id + ".md")), descriptor.Id);
        }

        // FG1000 is raised by MSBuild (the generator's targets), not by a descriptor: it has its page too.
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "docs", "rules", "FG1000.md")));

        // The generator reports through the same descriptors.
        var generator = typeof(FairnessGuard.Generators.ParityMethodGenerator).Assembly.GetType("FairnessGuard.Generators.GeneratorDiagnostics")!;
        var notPartial = (DiagnosticDescriptor)generator.GetField("NotPartial")!.GetValue(null)!;
        Assert.Equal(DiagnosticSeverity.Error, notPartial.DefaultSeverity);
        Assert.Equal(catalog.Single(c => c.Id == "FG1001").HelpLinkUri, notPartial.HelpLinkUri);
    }

    [Fact]
    public void SeverityPolicyHolds()
    {
        Assert.Equal(DiagnosticSeverity.Warning, Single(RuleIdentifiers.SensitiveAttributeDropped).DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Info, Single(RuleIdentifiers.ProxyKept).DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Error, Single(RuleIdentifiers.PolicyCannotWork).DefaultSeverity);
        Assert.False(Single(RuleIdentifiers.SensitiveAttributeUsed).IsEnabledByDefault);
    }

    [Fact]
    public void CodeFixesFixOnlyExistingRules()
    {
        var fixers = typeof(FairnessGuard.CodeFixes.AddOutputPolicyCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToList();
        Assert.Equal(3, fixers.Count);

        // FG1001 is the generator's "not partial" diagnostic; every other id is one of the analyzer's rules.
        Assert.All(fixers.SelectMany(f => f.FixableDiagnosticIds), id => Assert.True(Identifiers.Contains(id) || id == FairnessGuard.CodeFixes.MakePartialCodeFixProvider.DiagnosticId, id));
    }

    private static DiagnosticDescriptor Single(string id) => Descriptors.Single(d => d.Id == id);
}
