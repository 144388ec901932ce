// Trap (issue 14.3): the options object makes the sensitive column the label (a survey-weighting model that
// estimates the respondent's gender); it is not dropped from the features.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Survey;

public sealed class Respondent
{
    [LoadColumn(0)] public float PagesViewed { get; set; }
    [LoadColumn(1)] public float SessionMinutes { get; set; }
    [LoadColumn(2)] public bool Gender { get; set; }
}

public static class WeightingModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<Respondent>(path, ',', hasHeader: true);
        var options = new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Gender" };
        return ml.Transforms.Concatenate("Features", "PagesViewed", "SessionMinutes")
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(options))
            .Fit(data);
    }
}
