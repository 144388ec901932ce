// Trap (issue 14.3): a turbine's age is not a protected attribute.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Energy;

public sealed class TurbineReading
{
    [LoadColumn(0)] public float WindSpeed { get; set; }
    [LoadColumn(1)] public float Vibration { get; set; }
    [LoadColumn(2)] public float Age { get; set; }
    [LoadColumn(3), ColumnName("Label")] public float Output { get; set; }
}

public static class OutputForecast
{
    public static ITransformer Train(MLContext ml, string path) =>
        ml.Transforms.Concatenate("Features", "WindSpeed", "Vibration")
            .Append(ml.Regression.Trainers.FastTree())
            .Fit(ml.Data.LoadFromTextFile<TurbineReading>(path, ','));
}
