// Field test 5 (prediction verbs on scoring services, round 4): an insurance risk scorer's Assess accumulates points
// from a policyholder's claims, mileage and vehicle. Assess on a type named as a scorer is a scoring method; the
// policyholder's date of birth is read nowhere: one FG0001 on the returned total.
namespace Insurance.Motor;

public sealed class Policyholder
{
    public int ClaimsLastFiveYears { get; init; }
    public double YearlyMileage { get; init; }
    public int VehicleGroup { get; init; }
    public System.DateTime DateOfBirth { get; init; }
}

public sealed class MotorRiskScorer
{
    public int Assess(Policyholder holder)
    {
        var points = 0;
        points += holder.ClaimsLastFiveYears * 15;
        points += holder.YearlyMileage > 15000 ? 20 : 5;
        points += holder.VehicleGroup * 3;
        return {|FG0001:points|};
    }
}
