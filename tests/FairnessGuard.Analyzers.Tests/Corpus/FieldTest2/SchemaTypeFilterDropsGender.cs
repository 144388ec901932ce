// Field test 2 (real HR-attrition pipeline; a known miss until field test 3): the numeric features are every Single column
// of the loaded schema except the label, the categorical ones a hand-written list grown by AddRange; the string Gender
// column is in neither. One FG0001 on the feature concatenation.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Promotions;

public class StaffRecord
{
    [LoadColumn(0)] public bool Promoted { get; set; }
    [LoadColumn(1)] public float Tenure { get; set; }
    [LoadColumn(2)] public float Rating { get; set; }
    [LoadColumn(3)] public string Department { get; set; } = "";
    [LoadColumn(4)] public string Gender { get; set; } = "";
}

public static class PromotionModel
{
    public static ITransformer Train(MLContext ml, string csv)
    {
        var data = ml.Data.LoadFromTextFile<StaffRecord>(csv, hasHeader: true, separatorChar: ',');
        var numeric = data.Schema.Where(c => c.Name != nameof(StaffRecord.Promoted) && c.Type.ToString() == "Single").Select(c => c.Name);
        var features = new List<string> { "DepartmentCode" };
        features.AddRange(numeric);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("DepartmentCode", nameof(StaffRecord.Department), OneHotEncodingEstimator.OutputKind.Indicator)
            .Append({|FG0001:ml.Transforms.Concatenate("Features", features.ToArray())|})
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(StaffRecord.Promoted)));
        return pipeline.Fit(data);
    }
}
