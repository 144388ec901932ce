// Trap (issue 14.3): Calculate on a discount calculator is business arithmetic, not a model's prediction.
namespace Shop;

public sealed class Shopper
{
    public int LoyaltyYears { get; init; }
    public decimal TotalSpend { get; init; }
    public string Gender { get; init; } = "";
}

public interface IDiscountCalculator { decimal Calculate(int loyaltyYears, decimal totalSpend); }

public sealed class Checkout(IDiscountCalculator discounts)
{
    public decimal Discount(Shopper shopper) => discounts.Calculate(shopper.LoyaltyYears, shopper.TotalSpend);
}
