using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// The generator's FG1001 ("not a partial method") and its fix, on Microsoft.CodeAnalysis.Testing: the fix makes
/// the method and its containing types partial with the body in <c>&lt;Name&gt;Core</c>, the generator implements
/// the declaration, and the fixed code compiles with no FG1001 left; Fix All (document, project, solution) does
/// every method in one pass.
/// </summary>
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
                public double {|#0:Score|}(Applicant applicant)
                {
                    return applicant.Income * 2;
                }

                [DemographicParity(nameof(Applicant.Race))]
                public static async Task<double> {|#1:ScoreAsync|}(Applicant applicant) => await Task.FromResult(applicant.Income);
            }
        }
        """;

    /// <summary>Each method's declaration before the fix, and the body its <c>Core</c> method keeps.</summary>
    private static readonly Dictionary<string, (string Before, string Body)> Methods = new()
    {
        ["Score"] = ("public double {|#0:Score|}(Applicant applicant)", "\n        {\n            return applicant.Income * 2;\n        }"),
        ["ScoreAsync"] = ("public static async Task<double> {|#1:ScoreAsync|}(Applicant applicant)", " => await Task.FromResult(applicant.Income);"),
    };

    /// <summary>The source with FG1001 marked on the methods the fix has not reached.</summary>
    private static string Marked(string source) => source.Replace("{|#0:", "{|FG1001:", StringComparison.Ordinal).Replace("{|#1:", "{|FG1001:", StringComparison.Ordinal);

    /// <summary>The source once the fix has made <paramref name="fixedMethods"/> partial (declaration, then its Core method).</summary>
    private static string Fixed(params (string Method, string Declaration, string Core)[] fixedMethods)
    {
        var text = Source
            .Replace("public class Outer", "public partial class Outer", StringComparison.Ordinal)
            .Replace("public sealed class Model", "public sealed partial class Model", StringComparison.Ordinal);
        foreach (var (method, declaration, core) in fixedMethods)
        {
            var (before, body) = Methods[method];
            text = text.Replace(before + body, declaration + "\n\n        " + core + body, StringComparison.Ordinal);
        }

        return Marked(text);
    }

    private static readonly (string, string, string) ScoreFix = ("Score", "public partial double Score(Applicant applicant);", "private double ScoreCore(Applicant applicant)");

    private static readonly (string, string, string) ScoreAsyncFix = ("ScoreAsync", "public static partial Task<double> ScoreAsync(Applicant applicant);", "private static async Task<double> ScoreAsyncCore(Applicant applicant)");

    [Theory]
    [InlineData("Score", "public partial double Score(Applicant applicant);", "private double ScoreCore(Applicant applicant)")]
    [InlineData("ScoreAsync", "public static partial Task<double> ScoreAsync(Applicant applicant);", "private static async Task<double> ScoreAsyncCore(Applicant applicant)")]
    public async Task FixMakesTheMethodPartialMovesTheBodyAndTheGeneratorImplementsIt(string method, string declaration, string core)
    {
        // One action on one method: that method and both containing types become partial, the generator implements
        // the declaration (the result compiles), and only the other method's FG1001 is left. Fix All does both.
        var test = new FixTest<MakePartialCodeFixProvider>
        {
            FixOnly = MakePartialCodeFixProvider.DiagnosticId,
            FixOnlyAt = method,
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        }
            .WithFix("/0/Model.cs", Marked(Source), Fixed((method, declaration, core)), Fixed(ScoreFix, ScoreAsyncFix));

        // The fixed state's markup marks the FG1001 left; the framework ignores fixable IDs there unless told.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllRewritesEveryReportedMethodSoThatTheBuildHasNoFG1001()
    {
        // One Fix All pass rewrites both methods, with one 'partial' per containing type; no FG diagnostic is left.
        await new FixTest<MakePartialCodeFixProvider> { NumberOfIncrementalIterations = 2, NumberOfFixAllIterations = 1 }
            .WithFix("/0/Model.cs", Marked(Source), Fixed(ScoreFix, ScoreAsyncFix))
            .RunAsync();
    }

    [Fact]
    public async Task APolicyThatGuardsNothingIsAnErrorByDefault()
    {
        // One rule for the analyzer and the generator: a policy that cannot work (FG0003) or is not implemented
        // (FG1001) fails the build, so `dotnet build -warnaserror:FG0001` cannot pass an unguarded policy. The
        // framework checks the severity: both FG1001 are errors with no configuration at all.
        var test = new FixTest<MakePartialCodeFixProvider> { NumberOfIncrementalIterations = 2, NumberOfFixAllIterations = 1 }
            .WithFix("/0/Model.cs", Source, Fixed(ScoreFix, ScoreAsyncFix));
        test.TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError(MakePartialCodeFixProvider.DiagnosticId).WithLocation(0));
        test.TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError(MakePartialCodeFixProvider.DiagnosticId).WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoFixIsOfferedForAMethodThatIsAlreadyPartial()
    {
        // An FG1001 the IDE still lists after the method was made partial by hand (diagnostics lag behind edits):
        // the fix offers nothing rather than rewriting a partial declaration. The stale diagnostic is reported by a
        // test analyzer, since the generator never reports FG1001 on a partial method.
        const string Partial = """
            using FairnessGuard;

            public sealed record Applicant(string Race, double Income);

            public partial class M
            {
                [DemographicParity(nameof(Applicant.Race))]
                public partial double {|FG1001:S|}(Applicant a);

                private double SCore(Applicant a) => a.Income;
            }
            """;
        await new FixTest<MakePartialCodeFixProvider> { ExtraAnalyzers = [new StaleNotPartialAnalyzer()], MarkupOptions = Microsoft.CodeAnalysis.Testing.MarkupOptions.UseFirstDescriptor }
            .WithFix("/0/M.cs", Partial, Partial)
            .RunAsync();
    }
}
