// A driver's age (a person) left out of a motor-insurance premium model.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Motor;

public sealed class DriverRow
{
    [LoadColumn(0)] public float YearsLicensed { get; set; }
    [LoadColumn(1)] public float Claims { get; set; }
    [LoadColumn(2)] public float Age { get; set; }
    [LoadColumn(3), ColumnName("Label")] public float Premium { get; set; }
}

public static class PremiumModel
{
    public static ITransformer Train(MLContext ml, string path) =>
        {|FG0001:ml.Transforms.Concatenate("Features", "YearsLicensed", "Claims")|}
            .Append(ml.Regression.Trainers.Sdca())
            .Fit(ml.Data.LoadFromTextFile<DriverRow>(path, ','));
}
