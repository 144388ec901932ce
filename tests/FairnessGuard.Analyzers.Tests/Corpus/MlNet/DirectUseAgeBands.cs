// Marketing propensity: age band and marital status are used directly as features (FG0004, opt-in).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Propensity;

public sealed class Prospect
{
    [LoadColumn(0)] public float Visits { get; set; }
    [LoadColumn(1)] public string AgeBand { get; set; } = "";
    [LoadColumn(2)] public string MaritalStatus { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool Converted { get; set; }
}

public static class PropensityModel
{
    public static ITransformer Train(MLContext ml, IEnumerable<Prospect> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("AgeBandKey", "AgeBand") })
            .Append(ml.Transforms.Categorical.OneHotEncoding("MaritalKey", {|FG0004:"MaritalStatus"|}))
            .Append(ml.Transforms.Concatenate("Features", "Visits", {|FG0004:"AgeBandKey"|}, "MaritalKey"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(data);
    }
}
