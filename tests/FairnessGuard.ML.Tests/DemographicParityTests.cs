using FairnessGuard.Correction;
using FairnessGuard.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML.Tests;

public class DemographicParityTests
{
    [Fact]
    public void Transform_equals_the_exact_barycenter_corrector_row_for_row()
    {
        var ml = new MLContext(1);
        var calibration = Synthetic.Scores(2000, 1);
        var test = Synthetic.Scores(1000, 2);
        var transformer = ml.Transforms.DemographicParity("Group", seed: 7).Fit(ml.Data.LoadFromEnumerable(calibration));
        var corrected = Synthetic.Column(ml, transformer.Transform(ml.Data.LoadFromEnumerable(test)));

        var reference = ExactBarycenterCorrector<string>.Fit(
            calibration.Select(r => (double)r.Score).ToArray(), calibration.Select(r => r.Group).ToArray(), new BarycenterOptions { Seed = 7 });
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal((float)reference.Apply(test[i].Score, test[i].Group, i), corrected[i]);
        }

        Assert.Equal(2000, transformer.CalibrationRows);
        Assert.Equal(["a", "b", "c"], transformer.Groups.Order());
    }

    [Fact]
    public void Tied_scores_take_the_correctors_atom_draw_row_for_row()
    {
        // Scores rounded to 0.1: nearly every test score equals calibration values, so the drawn-rank path runs.
        var ml = new MLContext(1);
        static List<ScoredRow> Rounded(int n, int seed) =>
            [.. Synthetic.Scores(n, seed).Select(r => new ScoredRow { Group = r.Group, Score = MathF.Round(r.Score, 1) })];
        var calibration = Rounded(2000, 13);
        var test = Rounded(1000, 14);
        var transformer = ml.Transforms.DemographicParity("Group", seed: 5, strength: 0.7).Fit(ml.Data.LoadFromEnumerable(calibration));
        var corrected = Synthetic.Column(ml, transformer.Transform(ml.Data.LoadFromEnumerable(test)));
        var reference = ExactBarycenterCorrector<string>.Fit(
            calibration.Select(r => (double)r.Score).ToArray(), calibration.Select(r => r.Group).ToArray(), new BarycenterOptions { Seed = 5, Strength = 0.7 });
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal((float)reference.Apply(test[i].Score, test[i].Group, i), corrected[i]);
        }
    }

    [Fact]
    public void Corrected_scores_reach_parity_within_the_DKW_bound()
    {
        var ml = new MLContext(1);
        var calibration = Synthetic.Scores(6000, 3);
        var test = Synthetic.Scores(6000, 4);
        var transformer = ml.Transforms.DemographicParity("Group").Fit(ml.Data.LoadFromEnumerable(calibration));
        var corrected = Synthetic.Column(ml, transformer.Transform(ml.Data.LoadFromEnumerable(test)));

        // Each group's corrected law is the barycenter pushed through ranks that are off by at most the calibration
        // ECDF error, and the test sample adds its own; DKW with δ = 1e-3 split over 4 bands per pair.
        double Eps(int n) => DkwBound.Epsilon(n, 1e-3 / 4);
        int Cal(string g) => calibration.Count(r => r.Group == g);
        double[] Raw(string g) => [.. test.Where(r => r.Group == g).Select(r => (double)r.Score)];
        double[] Fair(string g) => [.. Enumerable.Range(0, test.Count).Where(i => test[i].Group == g).Select(i => (double)corrected[i])];
        foreach (var (a, b) in new[] { ("a", "b"), ("a", "c"), ("b", "c") })
        {
            var bound = Eps(Cal(a)) + Eps(Cal(b)) + Eps(Raw(a).Length) + Eps(Raw(b).Length);
            Assert.True(Synthetic.Ks(Raw(a), Raw(b)) > bound, "the raw scores must be unfair for the test to mean anything");
            Assert.True(Synthetic.Ks(Fair(a), Fair(b)) <= bound, $"KS({a},{b}) after correction exceeds {bound}");
        }
    }

    [Fact]
    public void Binary_classifier_probability_and_label_are_corrected_in_place_at_the_same_threshold()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Synthetic.Features(1500, 1));
        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20).Fit(train);
        var calibration = model.Transform(ml.Data.LoadFromEnumerable(Synthetic.Features(1000, 2)));
        var test = model.Transform(ml.Data.LoadFromEnumerable(Synthetic.Features(800, 3)));

        var identity = ml.Transforms.DemographicParity("Group", strength: 0).Fit(calibration).Transform(test);
        Assert.Equal(test.GetColumn<float>("Score"), identity.GetColumn<float>("Score"));
        Assert.Equal(test.GetColumn<float>("Probability"), identity.GetColumn<float>("Probability"));
        Assert.Equal(test.GetColumn<bool>("PredictedLabel"), identity.GetColumn<bool>("PredictedLabel"));

        var fair = ml.Transforms.DemographicParity("Group").Fit(calibration).Transform(test);
        var scores = fair.GetColumn<float>("Score").ToArray();
        var labels = fair.GetColumn<bool>("PredictedLabel").ToArray();
        var probabilities = fair.GetColumn<float>("Probability").ToArray();
        Assert.Equal(scores.Select(s => s > 0), labels);
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.NotEqual(test.GetColumn<float>("Score"), scores);
    }

    [Fact]
    public void Prediction_engine_and_estimator_chain_give_the_transform_outputs()
    {
        var ml = new MLContext(1);
        var calibration = ml.Data.LoadFromEnumerable(Synthetic.Scores(1000, 5));
        var test = Synthetic.Scores(200, 6);

        // An estimator chain: copy then correct, fitted in one call.
        var chain = ml.Transforms.CopyColumns("Raw", "Score").Append(ml.Transforms.DemographicParity("Group")).Fit(calibration);
        var batch = Synthetic.Column(ml, chain.Transform(ml.Data.LoadFromEnumerable(test)));
        var engine = ml.Model.CreatePredictionEngine<ScoredRow, ScoreOnly>(chain);
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal(batch[i], engine.Predict(test[i]).Score);
        }
    }

    [Fact]
    public void Output_column_option_adds_a_column_and_keeps_the_score()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Synthetic.Scores(500, 7));
        var estimator = ml.Transforms.DemographicParity("Group", outputColumnName: "FairScore");
        var chained = ml.Transforms.CopyColumns("Raw", "Score").Append(estimator).Fit(data);
        Assert.Equal(NumberDataViewType.Single, chained.GetOutputSchema(data.Schema)["FairScore"].Type);
        var output = estimator.Fit(data).Transform(data);
        Assert.Equal(data.GetColumn<float>("Score"), output.GetColumn<float>("Score"));
        Assert.NotEqual(output.GetColumn<float>("Score"), output.GetColumn<float>("FairScore"));
    }

    [Fact]
    public void Unseen_and_missing_groups_get_the_fallback_and_are_counted()
    {
        var ml = new MLContext(1);
        var calibration = Synthetic.Scores(1000, 8);
        var rows = new List<ScoredRow> { new() { Score = 0.3f, Group = "zzz" }, new() { Score = 0.4f, Group = string.Empty }, new() { Score = 0.5f, Group = "a" } };

        var pass = ml.Transforms.DemographicParity("Group").Fit(ml.Data.LoadFromEnumerable(calibration));
        var output = Synthetic.Column(ml, pass.Transform(ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal([0.3f, 0.4f], output[..2]);
        Assert.Equal(2, pass.UnseenGroupRows);

        var largest = ml.Transforms.DemographicParity("Group", unseenGroup: UnseenGroupFallback.LargestGroup).Fit(ml.Data.LoadFromEnumerable(calibration));
        var mapped = Synthetic.Column(ml, largest.Transform(ml.Data.LoadFromEnumerable(rows)));
        var asA = Synthetic.Column(ml, largest.Transform(ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Score = r.Score, Group = "a" }))));
        Assert.Equal(asA, mapped);

        var noGroup = ml.Data.LoadFromEnumerable(new[] { new ScoreOnly { Score = 1 } });
        var error = Assert.Throws<ArgumentException>(() => pass.Transform(noGroup));
        Assert.Contains("'Group'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intersection_of_two_columns_equals_the_corrector_on_the_combined_key()
    {
        var ml = new MLContext(1);
        var calibration = Synthetic.Scores(3000, 9);
        var test = Synthetic.Scores(500, 10);
        var options = new DemographicParityOptions { GroupColumnNames = ["Group", "Region"], Seed = 3 };
        var transformer = ml.Transforms.DemographicParity(options).Fit(ml.Data.LoadFromEnumerable(calibration));
        var corrected = Synthetic.Column(ml, transformer.Transform(ml.Data.LoadFromEnumerable(test)));
        var reference = ExactBarycenterCorrector<(string, string)>.Fit(
            calibration.Select(r => (double)r.Score).ToArray(), calibration.Select(r => (r.Group, r.Region)).ToArray(), new BarycenterOptions { Seed = 3 });
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal((float)reference.Apply(test[i].Score, (test[i].Group, test[i].Region), i), corrected[i]);
        }

        Assert.Equal(6, transformer.Groups.Count);
        Assert.Contains("a & north", transformer.Groups);
    }

    [Fact]
    public void Sequential_columns_apply_one_stage_per_column()
    {
        var ml = new MLContext(1);
        var calibration = Synthetic.Scores(3000, 11);
        var options = new DemographicParityOptions { GroupColumnNames = ["Region", "Group"], Combination = GroupCombination.Sequential };
        var transformer = ml.Transforms.DemographicParity(options).Fit(ml.Data.LoadFromEnumerable(calibration));
        var test = Synthetic.Scores(3000, 12);
        var corrected = Synthetic.Column(ml, transformer.Transform(ml.Data.LoadFromEnumerable(test)));

        // The last stage (Group) is exact on its own groups: parity within the DKW bound as above.
        double Eps(int n) => DkwBound.Epsilon(n, 1e-3 / 4);
        double[] Fair(string g) => [.. Enumerable.Range(0, test.Count).Where(i => test[i].Group == g).Select(i => (double)corrected[i])];
        int Cal(string g) => calibration.Count(r => r.Group == g);
        Assert.True(Synthetic.Ks(Fair("a"), Fair("b")) <= Eps(Cal("a")) + Eps(Cal("b")) + Eps(Fair("a").Length) + Eps(Fair("b").Length));
        Assert.Equal(["north", "south"], transformer.Groups.Order());
    }

    [Fact]
    public void Save_and_load_through_the_fairness_catalog_round_trips_exactly()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Synthetic.Features(1000, 20));
        var calibration = ml.Data.LoadFromEnumerable(Synthetic.Features(600, 21));
        var test = ml.Data.LoadFromEnumerable(Synthetic.Features(300, 22));
        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20).Fit(train);
        var fair = model.Append(ml.Transforms.DemographicParity("Group").Fit(model.Transform(calibration)));

        var error = Assert.Throws<NotSupportedException>(() => ml.Model.Save(fair, train.Schema, new MemoryStream()));
        Assert.Contains("Fairness().SaveModel", error.Message, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        ml.Fairness().SaveModel(fair, train.Schema, stream);
        stream.Position = 0;
        var loaded = new MLContext(2).Fairness().LoadModel(stream, out var schema);
        Assert.Equal(train.Schema.Select(c => c.Name), schema.Select(c => c.Name));
        Assert.Equal(fair.Transform(test).GetColumn<float>("Score"), loaded.Transform(test).GetColumn<float>("Score"));
        Assert.Equal(fair.Transform(test).GetColumn<bool>("PredictedLabel"), loaded.Transform(test).GetColumn<bool>("PredictedLabel"));
    }
}
