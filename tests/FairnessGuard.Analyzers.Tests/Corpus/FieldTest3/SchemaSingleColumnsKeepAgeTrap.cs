// Field test 3, trap: the same schema filter keeps every Single column, the age among them, and the sex is encoded and
// added by name. Every sensitive column reaches the features: no FG0001 (the two uses are
// FG0004, opt-in).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Readmissions;

public class Stay
{
    [LoadColumn(0)] public bool Readmitted { get; set; }
    [LoadColumn(1)] public float Age { get; set; }
    [LoadColumn(2)] public float LengthOfStay { get; set; }
    [LoadColumn(3)] public float PriorVisits { get; set; }
    [LoadColumn(4)] public string Sex { get; set; } = "";
}

public static class ReadmissionModel
{
    public static ITransformer Train(MLContext ml, string csv)
    {
        var data = ml.Data.LoadFromTextFile<Stay>(csv, hasHeader: true, separatorChar: ',');
        var numeric = {|FG0004:data.Schema.Where(c => c.Name != nameof(Stay.Readmitted) && c.Type.ToString() == "Single").Select(c => c.Name)|};
        var features = new List<string> { "SexEncoded" };
        features.AddRange(numeric);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("SexEncoded", {|FG0004:nameof(Stay.Sex)|})
            .Append(ml.Transforms.Concatenate("Features", features.ToArray()))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Stay.Readmitted)));
        return pipeline.Fit(data);
    }
}
