// Used-car pricing: the vehicle's age is not a protected attribute, and a bare Age on a housing row is the
// age of the building.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cars;

public sealed class Vehicle
{
    public double Mileage { get; set; }
    public double EngineSize { get; set; }
    public int Age { get; set; }
}

public interface IPriceModel { double Predict(double[] features); }

public sealed class Pricing(IPriceModel model)
{
    public double Quote(Vehicle v) => model.Predict(new[] { v.Mileage, v.EngineSize });
}

public sealed class HousingData
{
    [LoadColumn(0)] public float Rooms { get; set; }
    [LoadColumn(1)] public float Age { get; set; }
    [LoadColumn(2), ColumnName("Label")] public float MedianValue { get; set; }
}

public static class HousingModel
{
    public static ITransformer Train(MLContext ml, string path) =>
        ml.Transforms.Concatenate("Features", "Rooms")
            .Append(ml.Regression.Trainers.Sdca())
            .Fit(ml.Data.LoadFromTextFile<HousingData>(path, ','));
}
