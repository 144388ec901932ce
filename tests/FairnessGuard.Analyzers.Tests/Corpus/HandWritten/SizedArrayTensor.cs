// An insurance premium model scored through a fixed-size input buffer filled slot by slot: the policyholder's
// date of birth and ethnicity are on the entity, not in the buffer, and nothing constrains the premiums.
namespace Insurance.Pricing;

public sealed class Policyholder
{
    public float VehicleValue { get; init; }
    public float AnnualMileage { get; init; }
    public float ClaimsLastFiveYears { get; init; }
    public DateTime DateOfBirth { get; init; }
    public string Ethnicity { get; init; } = "";
}

public sealed class InputBuffer(float[] values)
{
    public float[] Values { get; } = values;
}

public interface IPremiumModel { float Predict(InputBuffer input); }

public sealed class PremiumQuote(IPremiumModel model)
{
    private const int Width = 4;

    public decimal Quote(Policyholder holder, float regionFactor)
    {
        var slots = {|FG0001:{|FG0001:new float[Width]|}|};
        slots[0] = holder.VehicleValue;
        slots[1] = holder.AnnualMileage;
        slots[2] = holder.ClaimsLastFiveYears;
        slots[3] = regionFactor;
        var premium = model.Predict(new InputBuffer(slots));
        return Math.Round((decimal)premium, 2);
    }
}
