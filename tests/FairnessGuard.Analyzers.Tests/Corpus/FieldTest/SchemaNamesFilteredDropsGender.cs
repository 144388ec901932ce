// The feature list is every column of the loaded schema except the label and the gender, filtered with Where.
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hr3;

public class EmployeeRow
{
    [LoadColumn(0)] public float Tenure { get; set; }
    [LoadColumn(1)] public float Rating { get; set; }
    [LoadColumn(2)] public float Salary { get; set; }
    [LoadColumn(3)] public float Gender { get; set; }
    [LoadColumn(4), ColumnName("Label")] public bool Promoted { get; set; }
}

public static class PromotionModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<EmployeeRow>(path, ',', hasHeader: true);
        var featureNames = data.Schema.Select(c => c.Name).Where(n => n != "Label" && n != "Gender").ToArray();
        var pipeline = {|FG0001:ml.Transforms.Concatenate("Features", featureNames)|}
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(data);
    }
}
