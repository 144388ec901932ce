// A static readonly feature list that leaves Gender out: the field's constant names decide.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hr2;

public sealed class Candidate
{
    [LoadColumn(0)] public float Experience { get; set; }
    [LoadColumn(1)] public float Education { get; set; }
    [LoadColumn(2)] public float Gender { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Hired { get; set; }
}

public static class HiringModel
{
    private static readonly string[] FeatureColumns = { nameof(Candidate.Experience), nameof(Candidate.Education) };

    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<Candidate>(path, ',');
        var pipeline = {|FG0001:ml.Transforms.Concatenate("Features", FeatureColumns)|}
            .Append(ml.BinaryClassification.Trainers.FastTree());
        return pipeline.Fit(data);
    }
}
