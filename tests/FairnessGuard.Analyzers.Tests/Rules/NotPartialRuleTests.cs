using System.Collections.Immutable;
using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG1001 from the analyzer (so that <c>dotnet format analyzers --diagnostics FG1001</c> can fix it): the same methods the
/// generator reports, and the generator silent on FG1001 only when the package's targets say analyzers run in the build.
/// </summary>
public class NotPartialRuleTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using FairnessGuard;

        public sealed record Applicant(string Race, double Income);

        public class MethodLevel
        {
            [DemographicParity(nameof(Applicant.Race))]
            public double {|FG1001:Score|}(Applicant a) => a.Income;

            [DemographicParity(nameof(Applicant.Race))]
            public static Task<double> {|FG1001:ScoreAsync|}(Applicant a) => Task.FromResult(a.Income);
        }

        [DemographicParity(nameof(Applicant.Race))]
        public partial class TypeLevel
        {
            public double {|FG1001:Rank|}(Applicant a) => a.Income;

            public partial double Guarded(Applicant a);

            // The generator's part, written here so the analyzer-only test compiles (the generator then reports FG1002).
            public partial double Guarded(Applicant a) => GuardedCore(a);

            public double GuardedCore(Applicant a) => a.Income;

            private double Helper(Applicant a) => a.Income;

            public double NoInput() => 1;

            public string Label(Applicant a) => a.Race;
        }

        public partial class AlreadyPartial
        {
            [DemographicParity(nameof(Applicant.Race))]
            public partial double Score(Applicant a);

            public partial double Score(Applicant a) => ScoreCore(a);

            private double ScoreCore(Applicant a) => a.Income;
        }
        """;

    [Fact]
    public async Task TheAnalyzerReportsEveryMethodTheGeneratorWouldHaveToImplement()
    {
        await new TestProject().WithSource(Source).EnableRule(RuleIdentifiers.NotPartial).Expecting(RuleIdentifiers.NotPartial).VerifyAsync();
    }

    [Fact]
    public async Task TheGeneratorReportsTheSameMethodsWithoutThePropertyAndNoneWithIt()
    {
        var (project, expected) = new TestProject().WithSource(Source).Build();
        var compilation = (CSharpCompilation)(await project.GetCompilationAsync())!;

        ImmutableArray<Diagnostic> Run(string? globalConfig)
        {
            var options = new Options(globalConfig is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(ParityMethodGenerator.AnalyzerReportsNotPartialProperty, globalConfig));
            var driver = CSharpGeneratorDriver.Create([new ParityMethodGenerator().AsSourceGenerator()], optionsProvider: options, parseOptions: (CSharpParseOptions)compilation.SyntaxTrees[0].Options);
            return driver.RunGenerators(compilation).GetRunResult().Diagnostics.Where(d => d.Id == RuleIdentifiers.NotPartial).ToImmutableArray();
        }

        var generator = Run(null).Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).ToList();
        Assert.Equal(expected.Select(e => e.Span).OrderBy(s => s.Start), generator);
        Assert.Equal(generator, Run("false").Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
        Assert.Empty(Run("true"));
    }

    private sealed class Options(ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(ImmutableDictionary<string, string>.Empty);

        private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
