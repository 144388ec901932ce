// Trap (issue 14.3): an aircraft engine's age is not a protected attribute; the pipeline leaves it out.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Maintenance;

public sealed class AircraftEngineCycle
{
    [LoadColumn(0)] public float ExhaustTemperature { get; set; }
    [LoadColumn(1)] public float FanSpeed { get; set; }
    [LoadColumn(2)] public float Age { get; set; }
    [LoadColumn(3), ColumnName("Label")] public float RemainingCycles { get; set; }
}

public static class RemainingLifeModel
{
    public static ITransformer Train(MLContext ml, string path) =>
        ml.Transforms.Concatenate("Features", "ExhaustTemperature", "FanSpeed")
            .Append(ml.Regression.Trainers.FastTree())
            .Fit(ml.Data.LoadFromTextFile<AircraftEngineCycle>(path, ',', hasHeader: true));
}
