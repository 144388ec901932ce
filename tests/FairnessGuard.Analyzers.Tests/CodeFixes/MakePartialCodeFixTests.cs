using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;
using FairnessGuard.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

public class MakePartialCodeFixTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using FairnessGuard;

        namespace Loans;

        public enum Race { A, B }

        public sealed record Applicant(Race Race, double Income);

        public class Outer
        {
            public sealed class Model
            {
                /// <summary>The score.</summary>
                [DemographicParity(nameof(Applicant.Race))]
                public double Score(Applicant applicant)
                {
                    return applicant.Income * 2;
                }

                [DemographicParity(nameof(Applicant.Race))]
                public static async Task<double> ScoreAsync(Applicant applicant) => await Task.FromResult(applicant.Income);
            }
        }
        """;

    [Theory]
    [InlineData("Score", "public partial double Score(Applicant applicant);", "private double ScoreCore(Applicant applicant)")]
    [InlineData("ScoreAsync", "public static partial Task<double> ScoreAsync(Applicant applicant);", "private static async Task<double> ScoreAsyncCore(Applicant applicant)")]
    public async Task FixMakesTheMethodPartialMovesTheBodyAndTheGeneratorImplementsIt(string method, string declaration, string core)
    {
        var document = CreateDocument(Source);
        var fixedText = await ApplyFixAsync(document, method);

        Assert.Contains(declaration, fixedText, StringComparison.Ordinal);
        Assert.Contains(core, fixedText, StringComparison.Ordinal);
        Assert.Contains("public partial class Outer", fixedText, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class Model", fixedText, StringComparison.Ordinal);

        // The fixed code compiles once the generator has implemented the partial declaration, without FG1001.
        var compilation = (await document.Project.GetCompilationAsync())!.ReplaceSyntaxTree(
            (await document.GetSyntaxTreeAsync())!,
            CSharpSyntaxTree.ParseText(fixedText, new CSharpParseOptions(LanguageVersion.Latest)));
        CSharpGeneratorDriver.Create(new ParityMethodGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Id == "FG1001" ? d.Location.SourceSpan.IntersectsWith(Span(fixedText, method + "(")) : d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task FixAllRewritesEveryReportedMethodSoThatTheBuildHasNoFG1001()
    {
        var test = new TestProject().WithoutMlNet().WithSource(Source);
        var (text, remaining) = await CodeFixRunner.FixAsync(test, new MakePartialCodeFixProvider(), MakePartialCodeFixProvider.DiagnosticId, fixAll: true, scope: FixAllScope.Project);

        Assert.Contains("public partial double Score(Applicant applicant);", text, StringComparison.Ordinal);
        Assert.Contains("public static partial Task<double> ScoreAsync(Applicant applicant);", text, StringComparison.Ordinal);
        Assert.Equal(1, (text.Length - text.Replace("public partial class Outer", string.Empty, StringComparison.Ordinal).Length) / "public partial class Outer".Length);
        Assert.DoesNotContain(remaining, d => d.Id.StartsWith("FG1", StringComparison.Ordinal));
    }

    [Fact]
    public void APolicyThatGuardsNothingIsAnErrorByDefault()
    {
        // One rule for the analyzer and the generator: a policy that cannot work (FG0003) or is not implemented
        // (FG1001) fails the build, so `dotnet build -warnaserror:FG0001` cannot pass an unguarded policy.
        var run = CSharpGeneratorDriver.Create(new ParityMethodGenerator()).RunGenerators(
            CSharpCompilation.Create("G", new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest)) }, References.Net.Add(References.FairnessGuardRuntime), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        var diagnostics = run.GetRunResult().Diagnostics;
        Assert.Equal(2, diagnostics.Count(d => d.Id == "FG1001"));
        Assert.All(diagnostics.Where(d => d.Id == "FG1001"), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public async Task NoFixIsOfferedForAMethodThatIsAlreadyPartial()
    {
        var document = CreateDocument("using FairnessGuard; public partial class M { [DemographicParity(\"R\")] public partial double S(int r); }");
        var actions = await OffersAsync(document, "S");
        Assert.Empty(actions);
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(References.Net)
            .AddMetadataReference(References.FairnessGuardRuntime);
        return project.AddDocument("Model.cs", SourceText.From(source));
    }

    private static async Task<List<CodeAction>> OffersAsync(Document document, string method)
    {
        var text = (await document.GetTextAsync()).ToString();
        var diagnostic = Diagnostic.Create(
            new DiagnosticDescriptor(MakePartialCodeFixProvider.DiagnosticId, "t", "m", "Fairness", DiagnosticSeverity.Warning, true),
            Location.Create((await document.GetSyntaxTreeAsync())!, Span(text, method + "(")));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await new MakePartialCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<string> ApplyFixAsync(Document document, string method)
    {
        var action = Assert.Single(await OffersAsync(document, method));
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private static TextSpan Span(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        return new TextSpan(start, marker.Length - 1);
    }
}
