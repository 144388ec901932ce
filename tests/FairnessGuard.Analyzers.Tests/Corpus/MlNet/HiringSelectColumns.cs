// Resume screening: SelectColumns keeps only "job-related" columns before training.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hiring;

public class Candidate
{
    [LoadColumn(0)] public float YearsExperience { get; set; }
    [LoadColumn(1)] public float TestScore { get; set; }
    [LoadColumn(2)] public string FirstName { get; set; } = "";
    [LoadColumn(3)] public string Ethnicity { get; set; } = "";
    [LoadColumn(4)] public bool Hired { get; set; }
}

public static class ScreeningModel
{
    public static ITransformer Train(MLContext ml, IEnumerable<Candidate> history)
    {
        var data = ml.Data.LoadFromEnumerable(history);
        var pipeline = {|FG0001:ml.Transforms.SelectColumns("YearsExperience", "TestScore", "FirstName", "Hired")|}
            .Append(ml.Transforms.Text.FeaturizeText("NameFeatures", {|FG0002:"FirstName"|}))
            .Append(ml.Transforms.CopyColumns("Label", "Hired"))
            .Append(ml.Transforms.Concatenate("Features", "YearsExperience", "TestScore", "NameFeatures"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        return pipeline.Fit(data);
    }
}
