using FairnessGuard.Correction;
using Microsoft.ML;

namespace FairnessGuard.ML.Tests;

public class DemographicParityFastPathTests
{
    [Fact]
    public void A_group_seen_only_on_rows_without_a_finite_score_is_not_a_calibration_group()
    {
        // Fit reads group values as indices before it knows whether the row is kept; the vocabulary must still be
        // the kept rows' values in order of first appearance, so the fit equals the fit without those rows.
        var ml = new MLContext(1);
        var clean = Synthetic.Scores(1000, 21);
        List<ScoredRow> dirty = [new ScoredRow { Group = "z", Score = float.NaN }, .. clean, new ScoredRow { Group = "z", Score = float.PositiveInfinity }];
        var test = Synthetic.Scores(300, 22);
        test.Add(new ScoredRow { Group = "z", Score = 0.25f });

        var fromDirty = ml.Transforms.DemographicParity("Group", seed: 3).Fit(ml.Data.LoadFromEnumerable(dirty));
        var fromClean = ml.Transforms.DemographicParity("Group", seed: 3).Fit(ml.Data.LoadFromEnumerable(clean));
        var a = Synthetic.Column(ml, fromDirty.Transform(ml.Data.LoadFromEnumerable(test)));
        var b = Synthetic.Column(ml, fromClean.Transform(ml.Data.LoadFromEnumerable(test)));

        Assert.Equal(b, a);
        Assert.Equal(fromClean.Groups, fromDirty.Groups);
        Assert.DoesNotContain("z", fromDirty.Groups);
        Assert.Equal(0.25f, a[^1]);
        Assert.Equal(1, fromDirty.UnseenGroupRows);
    }

    [Fact]
    public void Many_text_groups_take_the_dictionary_lookup_and_still_equal_the_corrector_row_for_row()
    {
        // More than 8 values: the text reader switches from a span scan to a span-keyed dictionary.
        var ml = new MLContext(1);
        static List<ScoredRow> Rows(int n, int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, n).Select(_ =>
            {
                var g = random.Next(12);
                return new ScoredRow { Group = "group-" + g, Score = (float)((g * 0.05) + random.NextDouble()) };
            })];
        }

        var calibration = Rows(3000, 31);
        var test = Rows(1000, 32);
        var transformer = ml.Transforms.DemographicParity("Group", seed: 9).Fit(ml.Data.LoadFromEnumerable(calibration));
        var corrected = Synthetic.Column(ml, transformer.Transform(ml.Data.LoadFromEnumerable(test)));
        var reference = ExactBarycenterCorrector<string>.Fit(
            calibration.Select(r => (double)r.Score).ToArray(), calibration.Select(r => r.Group).ToArray(), new BarycenterOptions { Seed = 9 });

        Assert.Equal(12, transformer.Groups.Count);
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal((float)reference.Apply(test[i].Score, test[i].Group, i), corrected[i]);
        }
    }
}
