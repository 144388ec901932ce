using FairnessGuard.Guard;
using Microsoft.ML;

namespace FairnessGuard.ML.Tests;

public class GuardedPredictionEngineTests
{
    public sealed class Applicant
    {
        public float Raw { get; set; }

        public string? Group { get; set; }
    }

    [Fact]
    public void Guarded_engine_corrects_scores_online_toward_parity()
    {
        var ml = new MLContext(1);
        var model = ml.Transforms.CopyColumns("Score", "Raw").Fit(ml.Data.LoadFromEnumerable(new[] { new Applicant() }));
        using var guard = ParityGuard.Create<string>(o => (o.WarmUp, o.RebuildEvery, o.BackgroundRebuild, o.RebuildInterval) = (50, 64, false, null));
        using var engine = ml.Fairness().CreateGuardedPredictionEngine<Applicant, ScoreOnly, string>(
            model, a => a.Group, p => p.Score, (p, s) => p.Score = s, guard);

        var rows = Synthetic.Scores(4000, 50);
        var raw = new Dictionary<string, List<double>> { ["a"] = [], ["b"] = [] };
        var fair = new Dictionary<string, List<double>> { ["a"] = [], ["b"] = [] };
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var score = engine.Predict(new Applicant { Raw = r.Score, Group = r.Group }).Score;
            if (i >= 2000 && raw.TryGetValue(r.Group, out var list))
            {
                list.Add(r.Score);
                fair[r.Group].Add(score);
            }
        }

        Assert.True(guard.IsCorrecting);
        var before = Synthetic.Ks([.. raw["a"]], [.. raw["b"]]);
        var after = Synthetic.Ks([.. fair["a"]], [.. fair["b"]]);
        // The guard's maps come from sketches of a growing stream, so only a large drop is asserted: raw KS ≈ 0.3.
        Assert.True(after < before / 2, $"KS {before:0.000} -> {after:0.000}");

        // A null group or a throwing selector never breaks the prediction.
        Assert.True(float.IsFinite(engine.Predict(new Applicant { Raw = 0.1f, Group = null }).Score));
        using var throwing = ml.Fairness().CreateGuardedPredictionEngine<Applicant, ScoreOnly, string>(
            model, _ => throw new InvalidOperationException(), p => p.Score, (p, s) => p.Score = s, guard);
        Assert.True(float.IsFinite(throwing.Predict(new Applicant { Raw = 0.1f }).Score));
        Assert.Equal(1, throwing.SelectorFaults);
    }
}
