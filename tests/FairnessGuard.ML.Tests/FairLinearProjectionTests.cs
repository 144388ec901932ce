using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML.Tests;

public class FairLinearProjectionTests
{
    [Fact]
    public void Projected_features_are_orthogonal_to_the_positive_mean_differences()
    {
        var ml = new MLContext(1);
        var rows = Synthetic.Features(3000, 40, groups: 3);
        var data = ml.Data.LoadFromEnumerable(rows);
        var projection = ml.Transforms.FairLinearProjection("Group").Fit(data);
        Assert.Equal(2, projection.Directions.Count);
        var projected = projection.Transform(data).GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();

        // The mean positive example of every group is the same after projection (the raw ones differ by ≈ 1 per axis).
        double[] MeanPositive(string g, Func<int, float[]> x)
        {
            var idx = Enumerable.Range(0, rows.Count).Where(i => rows[i].Group == g && rows[i].Label).ToArray();
            return [.. Enumerable.Range(0, 4).Select(j => idx.Average(i => (double)x(i)[j]))];
        }

        foreach (var g in new[] { "b", "c" })
        {
            var rawGap = MeanPositive(g, i => rows[i].Features).Zip(MeanPositive("a", i => rows[i].Features), (p, q) => Math.Abs(p - q)).Max();
            var gap = MeanPositive(g, i => projected[i]).Zip(MeanPositive("a", i => projected[i]), (p, q) => Math.Abs(p - q)).Max();
            Assert.True(rawGap > 0.5, "the groups differ by construction");
            Assert.True(gap < 1e-5, $"group {g}: gap {gap} after projection");
        }
    }

    [Fact]
    public void A_linear_trainer_downstream_gives_every_groups_positives_the_same_mean_score()
    {
        var ml = new MLContext(1);
        var rows = Synthetic.Features(2000, 41);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.FairLinearProjection("Group")
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 30))
            .Fit(data);
        var scores = model.Transform(data).GetColumn<float>("Score").ToArray();
        double MeanScore(string g) => Enumerable.Range(0, rows.Count).Where(i => rows[i].Group == g && rows[i].Label).Average(i => (double)scores[i]);

        // w·μ_a⁺ = w·μ_b⁺ exactly for the effective weight (I − UUᵀ)w; float rounding only.
        Assert.Equal(MeanScore("a"), MeanScore("b"), 3);

        var unconstrained = ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 30).Fit(data);
        var raw = unconstrained.Transform(data).GetColumn<float>("Score").ToArray();
        double MeanRaw(string g) => Enumerable.Range(0, rows.Count).Where(i => rows[i].Group == g && rows[i].Label).Average(i => (double)raw[i]);
        Assert.True(Math.Abs(MeanRaw("a") - MeanRaw("b")) > 0.1, "without the projection the positives' mean scores differ");
    }

    [Fact]
    public void A_chain_with_the_projection_in_the_middle_saves_and_loads()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Synthetic.Features(1000, 42));
        var model = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.Transforms.FairLinearProjection("Group"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20))
            .Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"fg-ml-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Fairness().SaveModel(model, data.Schema, path);
            var loaded = ml.Fairness().LoadModel(path, out _);
            Assert.Equal(model.Transform(data).GetColumn<float>("Score"), loaded.Transform(data).GetColumn<float>("Score"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
