using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// audit --save-state on three shards of CPS 2008 (samples/data/cpssw8.csv, 61,395 rows, earnings by gender),
/// then merge: the same verdict as one audit --sketch pass. Bound: KLL ranks are within ε = sqrt(2 ln 200)/k
/// of the truth with probability 99 % each (docs/sketch.md), and a merged sketch keeps the bound of its k, so
/// the KS of two merged group sketches is within 2ε of the exact KS (k = 200: 2ε = 0.0326), as is the one-pass
/// sketch's. Counts, means and selection rates are sums, so they merge exactly.
/// </summary>
public sealed class MergeCommandTests : IDisposable
{
    private const int K = 200;
    private static readonly string Cps = Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");
    private readonly TempFolder _folder = new();

    [Fact]
    public void MergedShardsGiveTheVerdictOfOnePassWithinTheSketchBound()
    {
        var lines = File.ReadAllLines(Cps);
        var rows = lines.Length - 1;
        var states = new string[3];
        for (var s = 0; s < 3; s++)
        {
            var (from, to) = (1 + (s * rows / 3), 1 + ((s + 1) * rows / 3));
            var shard = _folder.File($"shard{s}.csv");
            File.WriteAllLines(shard, lines[..1].Concat(lines[from..to]));
            states[s] = _folder.File($"shard{s}.state");
            var saved = CliHarness.Run("audit", shard, "--group", "gender", "--score", "earnings", "--threshold", "20", "--sketch", $"{K}", "--save-state", states[s]);
            Assert.True(saved.Code is 0 or 1, saved.Error);
            Assert.InRange(new FileInfo(states[s]).Length, 100, 64_000);
        }

        var onePass = CliHarness.Run("audit", Cps, "--group", "gender", "--score", "earnings", "--threshold", "20", "--sketch", $"{K}", "--format", "json");
        var report = _folder.File("merged.html");
        var merged = CliHarness.Run(["merge", .. states, "--format", "json", "--report", report]);
        Assert.Equal(1, onePass.Code);
        Assert.Equal(onePass.Code, merged.Code);
        Assert.Contains("\"verdict\": \"violation\"", merged.Output, StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(report), StringComparison.Ordinal);

        var columns = new ColumnSpec(["gender"], "earnings");
        var exact = AuditOutcome.Run(new AuditSettings(Cps, columns, 20, 0.05, 0.95));
        var single = AuditOutcome.Run(new AuditSettings(Cps, columns, 20, 0.05, 0.95, SketchK: K));
        var state = SketchState.Read(states[0]);
        state.Merge(SketchState.Read(states[1]), states[1]);
        state.Merge(SketchState.Read(states[2]), states[2]);
        var whole = SketchAudit.Finish(new AuditSettings(states[0], columns, 20, 0.05, 0.95, SketchK: K), state, labels: null);
        var bound = 2 * new QuantileSketch(K).NormalizedRankError;

        Assert.Equal(exact.Rows, whole.Rows);
        Assert.InRange(whole.Figures.KsUnfairness, exact.Figures.KsUnfairness - bound, exact.Figures.KsUnfairness + bound);
        Assert.InRange(single.Figures.KsUnfairness, exact.Figures.KsUnfairness - bound, exact.Figures.KsUnfairness + bound);
        Assert.InRange(whole.Figures.KsLowerBound, 0.05, exact.Figures.KsLowerBound);
        Assert.Equal(exact.Figures.DpRatio!.Value, whole.Figures.DpRatio!.Value, 12);
        for (var g = 0; g < exact.Figures.Groups.Count; g++)
        {
            var e = exact.Figures.Groups[g];
            var m = whole.Figures.Groups.Single(x => x.Group == e.Group);
            Assert.Equal(e.Count, m.Count);
            Assert.Equal(e.Mean, m.Mean, 9);
            Assert.Equal(e.SelectionRate!.Value, m.SelectionRate!.Value, 12);
        }
    }

    [Fact]
    public void BadOrMismatchedStatesExitTwo()
    {
        var file = PredictionFiles.Write(_folder, "p.csv", 500, shift: 0.2, seed: 7);
        var (a, b) = (_folder.File("a.state"), _folder.File("b.state"));
        Assert.NotEqual(2, CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--sketch", "64", "--save-state", a).Code);
        Assert.NotEqual(2, CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--sketch", "128", "--save-state", b).Code);

        var mismatch = CliHarness.Run("merge", a, b);
        Assert.Equal(2, mismatch.Code);
        Assert.Contains("same --sketch", mismatch.Error, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(a);
        File.WriteAllBytes(_folder.File("cut.state"), bytes[..(bytes.Length / 2)]);
        var truncated = CliHarness.Run("merge", _folder.File("cut.state"));
        Assert.Equal(2, truncated.Code);
        Assert.Contains("truncated", truncated.Error, StringComparison.Ordinal);

        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(_folder.File("flip.state"), bytes);
        var corrupt = CliHarness.Run("merge", _folder.File("flip.state"));
        Assert.Equal(2, corrupt.Code);
        Assert.Contains("corrupt", corrupt.Error, StringComparison.Ordinal);

        var notState = CliHarness.Run("merge", file);
        Assert.Equal(2, notState.Code);
        Assert.Contains("not a fairness-guard state file", notState.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeAtAnotherThresholdEstimatesSelectionFromTheSketches()
    {
        var file = PredictionFiles.Write(_folder, "p.csv", 5_000, shift: 0.2, seed: 11);
        var state = _folder.File("s.state");
        CliHarness.Run("audit", file, "--group", "group", "--score", "score", "--threshold", "0", "--save-state", state);
        var same = CliHarness.Run("merge", state, "--format", "json");
        var other = CliHarness.Run("merge", state, "--threshold", "0.5", "--format", "json");
        Assert.DoesNotContain("estimated from the sketches", same.Output, StringComparison.Ordinal);
        Assert.Contains("estimated from the sketches", other.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameStateGivenTwiceIsRefused()
    {
        var states = new string[2];
        for (var s = 0; s < 2; s++)
        {
            var shard = PredictionFiles.Write(_folder, $"small{s}.csv", 1_000, shift: 1.5, seed: 40 + s);
            states[s] = _folder.File($"small{s}.state");
            Assert.Equal(1, CliHarness.Run("audit", shard, "--group", "group", "--score", "score", "--save-state", states[s], "--sketch", $"{K}").Code);
        }

        var copy = _folder.File("copy.state");
        File.Copy(states[0], copy);
        var link = _folder.File("link.state");
        File.CreateSymbolicLink(link, states[0]);

        var twice = CliHarness.Run("merge", states[0], states[1], states[0]);
        Assert.Equal(2, twice.Code);
        Assert.Contains("is the same file as", twice.Error, StringComparison.Ordinal);
        var linked = CliHarness.Run("merge", states[0], link);
        Assert.Equal(2, linked.Code);
        Assert.Contains("is the same file as", linked.Error, StringComparison.Ordinal);
        var copied = CliHarness.Run("merge", states[0], copy);
        Assert.Equal(2, copied.Code);
        Assert.Contains("has the same content as", copied.Error, StringComparison.Ordinal);
        Assert.Equal(1, CliHarness.Run("merge", states[0], states[1]).Code);
    }

    public void Dispose() => _folder.Dispose();
}
