// Trap (field test 5, names): a shipping rate service's Rate prices a parcel from its weight and distance; the parcel
// carries the recipient's date of birth for age-restricted goods. A rate of a parcel is not a score of a person and the
// type is not named as a scorer of people: no FG0001.
namespace Logistics.Shipping;

public sealed class Parcel
{
    public double WeightKg { get; init; }
    public double DistanceKm { get; init; }
    public System.DateTime RecipientDateOfBirth { get; init; }
}

public sealed class ShippingRateService
{
    public double Rate(Parcel parcel) => 4.5 + 0.8 * parcel.WeightKg + 0.01 * parcel.DistanceKm;
}
