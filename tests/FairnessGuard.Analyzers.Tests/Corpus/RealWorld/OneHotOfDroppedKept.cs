// Trap: Gender is one-hot encoded (written with nameof) and the encoding is a feature.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hr3;

public sealed class Candidate
{
    [LoadColumn(0)] public float Experience { get; set; }
    [LoadColumn(1)] public string Gender { get; set; } = "";
    [LoadColumn(2), ColumnName("Label")] public bool Hired { get; set; }
}

public static class HiringModel
{
    public static ITransformer Train(MLContext ml, string path) =>
        ml.Transforms.Categorical.OneHotEncoding("GenderKey", {|FG0004:nameof(Candidate.Gender)|})
            .Append(ml.Transforms.Concatenate("Features", "Experience", "GenderKey"))
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(ml.Data.LoadFromTextFile<Candidate>(path, ','));
}
