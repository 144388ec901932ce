// Disparate treatment: race goes straight into the features of a clinical risk model (FG0004, opt-in).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clinic;

public class Visit
{
    [LoadColumn(0)] public float Creatinine { get; set; }
    [LoadColumn(1)] public float Weight { get; set; }
    [LoadColumn(2)] public string Race { get; set; } = "";
    [LoadColumn(3)] public float PatientAge { get; set; }
    [LoadColumn(4), ColumnName("Label")] public float Egfr { get; set; }
}

public static class EgfrModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<Visit>(path, ',');
        return ml.Transforms.Categorical.OneHotEncoding("RaceKey", {|FG0004:"Race"|})
            .Append(ml.Transforms.Concatenate("Features", "Creatinine", "Weight", "RaceKey", {|FG0004:"PatientAge"|}))
            .Append(ml.Regression.Trainers.FastTree())
            .Fit(data);
    }
}
