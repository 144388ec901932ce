// Trap: an arithmetic score over an entity without sensitive members.
namespace Pricing;

public sealed class Basket
{
    public double Subtotal { get; init; }
    public double Shipping { get; init; }
    public double Discount { get; init; }
}

public static class Totals
{
    public static double Score(Basket b) => b.Subtotal + b.Shipping - b.Discount;
}
