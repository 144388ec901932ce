// A model that predicts a demographic attribute (for survey weighting): the sensitive column is the label.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Survey;

public sealed class Respondent
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float HouseholdSize { get; set; }
    [LoadColumn(3), ColumnName("Label")] public string Gender { get; set; } = "";
}

public static class WeightingModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<Respondent>(path, ',');
        return ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Concatenate("Features", "Income", "HouseholdSize"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Fit(data);
    }
}
