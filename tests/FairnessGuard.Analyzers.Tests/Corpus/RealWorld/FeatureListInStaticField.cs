// Trap (issue 14.3): the feature list is a static readonly field that contains Gender; nothing is dropped.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hr;

public sealed class Candidate
{
    [LoadColumn(0)] public float Experience { get; set; }
    [LoadColumn(1)] public float Education { get; set; }
    [LoadColumn(2)] public float Gender { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Hired { get; set; }
}

public static class HiringModel
{
    private static readonly string[] FeatureColumns = { nameof(Candidate.Experience), nameof(Candidate.Education), {|FG0004:nameof(Candidate.Gender)|} };

    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<Candidate>(path, ',');
        var pipeline = ml.Transforms.Concatenate("Features", FeatureColumns)
            .Append(ml.BinaryClassification.Trainers.FastTree());
        return pipeline.Fit(data);
    }
}
