// Trap: fleet maintenance scores use the truck's age; the driver is not in the row.
namespace Fleet;

public sealed class TruckRecord
{
    public double Mileage { get; init; }
    public double LoadFactor { get; init; }
    public int Age { get; init; }
}

public interface IFailureModel { double Predict(double[] features); }

public sealed class MaintenancePlanner(IFailureModel model)
{
    public double ScoreFailureRisk(TruckRecord truck) => model.Predict(new[] { truck.Mileage, truck.LoadFactor });
}
