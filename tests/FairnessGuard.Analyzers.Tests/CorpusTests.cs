using System.Globalization;
using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests;

/// <summary>
/// Precision and recall per rule on the corpus of realistic cases (tests/FairnessGuard.Analyzers.Tests/Corpus),
/// with every rule enabled. A reported diagnostic is a true positive when a case's markup expects that rule
/// on that exact span. The figures are printed and recorded in docs/rules.
/// </summary>
public class CorpusTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.80;

    [Fact]
    public async Task EachRuleMeetsThePrecisionAndRecallGoals()
    {
        var counts = new Dictionary<string, (int Tp, int Fp, int Fn)>();
        foreach (var id in new[] { "FG0001", "FG0002", "FG0003", "FG0004" })
        {
            counts[id] = (0, 0, 0);
        }

        var cases = Corpus.Load();
        foreach (var corpusCase in cases)
        {
            var (project, expected) = new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed).WithSource(corpusCase.Markup).Build();
            var actual = (await AnalyzerRunner.RunAsync(project))
                .Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceTree!.FilePath, d.Location.SourceSpan)).ToList();
            foreach (var id in counts.Keys.ToList())
            {
                var e = expected.Where(x => x.Id == id).ToList();
                var a = actual.Where(x => x.Id == id).ToList();
                var tp = a.Count - Remove(a, e).Count;
                var (oldTp, oldFp, oldFn) = counts[id];
                counts[id] = (oldTp + tp, oldFp + a.Count - tp, oldFn + e.Count - tp);
                foreach (var miss in Remove(e, a))
                {
                    output.WriteLine($"FN {id} {corpusCase.Name} {miss.Span}");
                }

                foreach (var extra in Remove(a, e))
                {
                    output.WriteLine($"FP {id} {corpusCase.Name} {extra.Span}");
                }
            }
        }

        output.WriteLine($"{cases.Count} cases");
        foreach (var (id, (tp, fp, fn)) in counts)
        {
            var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}: TP {tp}, FP {fp}, FN {fn}, precision {precision:F3}, recall {recall:F3}"));
            Assert.True(tp + fn >= 5, $"{id} needs at least 5 expected diagnostics in the corpus to be measured.");
            Assert.True(precision >= MinimumPrecision, $"{id} precision {precision:F3} < {MinimumPrecision}");
            Assert.True(recall >= MinimumRecall, $"{id} recall {recall:F3} < {MinimumRecall}");
        }
    }

    /// <summary>The multiset difference: two expected diagnostics on one span need two reported ones.</summary>
    private static List<ExpectedDiagnostic> Remove(List<ExpectedDiagnostic> from, List<ExpectedDiagnostic> matched)
    {
        var left = from.ToList();
        foreach (var item in matched)
        {
            left.Remove(item);
        }

        return left;
    }
}
