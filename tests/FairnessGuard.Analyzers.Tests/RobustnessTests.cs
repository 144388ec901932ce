using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using FairnessGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Tests;

/// <summary>
/// Never throw: thousands of sources as typed in an IDE (truncated, with spans deleted, tokens inserted,
/// lines duplicated), drawn with a fixed seed from the corpus, go through every rule; no analyzer may throw.
/// </summary>
public class RobustnessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Mutants = 2400;
    private const int PerCompilation = 100;
    private static readonly string[] Insertions =
    {
        "(", ")", "{", "}", ";", ".", "\"", "new", "[", "]", ",", "=>", "Concatenate(", ".Remove(\"gender\")", "nameof(", "<", ">",
        "[DemographicParity(", "#if X\n", "/*", "$\"{", "?", "!", "default", "new[] {", "a.", "\"Features\", ", "static ", "[NoColumn]",
    };

    [Fact]
    public async Task MutatedAndTruncatedSourcesNeverMakeAnAnalyzerThrow()
    {
        var originals = Corpus.Load().Select(c => Markup.Parse(c.Markup).Source).ToList();
        Assert.True(originals.Count >= 20, "The corpus feeds the mutations.");
        var random = new Random(20261122);
        var mutants = Enumerable.Range(0, Mutants).Select(_ => Mutate(originals[random.Next(originals.Count)], random)).ToList();

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [RuleIdentifiers.SensitiveAttributeUsed] = ReportDiagnostic.Warn });
        var references = References.Net.Add(References.FairnessGuardRuntime).Add(References.MlNetStub);
        var exceptions = new ConcurrentBag<string>();
        var reported = 0;
        var clock = Stopwatch.StartNew();

        // Batches run two at a time (the CI machine has two cores).
        await Parallel.ForEachAsync(mutants.Chunk(PerCompilation), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, token) =>
        {
            var trees = batch.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/m/{i}.cs", cancellationToken: token)).Append(CSharpSyntaxTree.ParseText(TestProject.GlobalUsings, cancellationToken: token));
            var compilation = CSharpCompilation.Create("Mutants", trees, references, options);
            var analysis = compilation.WithAnalyzers(TestProject.Analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
            var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync(token);
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Add(diagnostic.ToString());
            }

            Interlocked.Add(ref reported, diagnostics.Count(d => d.Id.StartsWith("FG", StringComparison.Ordinal)));
        });

        output.WriteLine($"{Mutants} mutants, {reported} FairnessGuard diagnostics, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions.Take(3)));
        Assert.True(reported > 0, "Mutants close to the originals must still be analysed.");
    }

    private static string Mutate(string source, Random random)
    {
        var text = source;
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            text = random.Next(4) switch
            {
                0 => text[..at],
                1 => text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(20))),
                2 => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
                _ => DuplicateLine(text, at),
            };
        }

        return text;
    }

    private static string DuplicateLine(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var end = text.IndexOf('\n', at);
        end = end < 0 ? text.Length : end;
        return text.Insert(start, text[start..end] + "\n");
    }
}
