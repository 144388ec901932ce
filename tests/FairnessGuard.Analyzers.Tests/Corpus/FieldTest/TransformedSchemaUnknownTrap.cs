// The names come from the schema of a data view that went through a transform (which may add or rename columns):
// the list cannot be resolved, so the rule stays silent. No FG0001.
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hr5;

public class ApplicantRow
{
    [LoadColumn(0)] public float Score { get; set; }
    [LoadColumn(1)] public float Years { get; set; }
    [LoadColumn(2)] public string Gender { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool Hired { get; set; }
}

public static class Screening
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var raw = ml.Data.LoadFromTextFile<ApplicantRow>(path, ',');
        var encoded = ml.Transforms.Categorical.OneHotEncoding("Gender").Fit(raw).Transform(raw);
        var names = encoded.Schema.Select(c => c.Name).Where(n => n != "Label").ToArray();
        return ml.Transforms.Concatenate("Features", names)
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(encoded);
    }
}
