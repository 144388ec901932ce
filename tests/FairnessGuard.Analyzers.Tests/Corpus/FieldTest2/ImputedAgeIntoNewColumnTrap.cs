// Field test 2 trap: the age is imputed into a new column (output differs from input) and that column is a feature.
// Not an in-place clean: the age reaches the features through the transform. No FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Membership;

public class Member
{
    [LoadColumn(0), ColumnName("Label")] public bool Renewed { get; set; }
    [LoadColumn(1)] public float Age { get; set; }
    [LoadColumn(2)] public float Visits { get; set; }
}

public static class RenewalModel
{
    public static ITransformer Train(MLContext ml, IEnumerable<Member> members)
    {
        var data = ml.Data.LoadFromEnumerable(members);
        var pipeline = ml.Transforms.ReplaceMissingValues("AgeFilled", {|FG0004:"Age"|})
            .Append(ml.Transforms.NormalizeMinMax("Visits"))
            .Append(ml.Transforms.Concatenate("Features", "AgeFilled", "Visits"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(data);
    }
}
