// Calculate on a scoring service for vehicles: the age is a truck's, not a person's. No FG0001.
namespace Fleet;

public sealed class Truck
{
    public double Mileage { get; init; }
    public int FaultCodes { get; init; }
    public int Age { get; init; }
}

public sealed class MaintenanceScoringService
{
    public double Calculate(Truck truck)
    {
        var score = truck.Mileage / 10000;
        score += truck.FaultCodes * 2;
        return score;
    }
}
