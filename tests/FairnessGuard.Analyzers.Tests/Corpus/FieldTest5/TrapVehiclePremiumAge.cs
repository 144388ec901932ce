// Trap (field test 5, insurance premiums): a motor premium calculator prices a vehicle from its value and its age. A
// vehicle's age is not a person's, and the vehicle carries nothing else sensitive: no FG0001.
namespace Insurance.Motor.Vehicles;

public sealed class Vehicle
{
    public decimal Value { get; init; }
    public int Age { get; init; }
    public int EngineCc { get; init; }
}

public sealed class MotorPremiumCalculator
{
    public decimal Calculate(Vehicle vehicle) => 150m + vehicle.Value * 0.02m - vehicle.Age * 8m + vehicle.EngineCc / 100m;
}
