// Every loaded column but the label and the id becomes a feature: the gender is kept (FG0004, opt-in, is not reported
// on a list built from the schema). No FG0001.
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hr4;

public class EmployeeRow
{
    [LoadColumn(0)] public float EmployeeId { get; set; }
    [LoadColumn(1)] public float Tenure { get; set; }
    [LoadColumn(2)] public float Rating { get; set; }
    [LoadColumn(3)] public float Gender { get; set; }
    [LoadColumn(4), ColumnName("Label")] public bool Promoted { get; set; }
}

public static class PromotionModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<EmployeeRow>(path, ',', hasHeader: true);
        var featureNames = data.Schema.Select(c => c.Name).Where(n => n != "Label" && n != nameof(EmployeeRow.EmployeeId)).ToArray();
        var pipeline = ml.Transforms.Concatenate("Features", featureNames)
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(data);
    }
}
