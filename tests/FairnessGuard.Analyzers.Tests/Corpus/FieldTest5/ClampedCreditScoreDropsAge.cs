// Field test 5 (scores clamped on their way out, round 4): a credit score maps the income-to-loan ratio onto the 300–850
// range and clamps it, cast to an int. The clamp and the cast change the values, not what the score reads; the
// customer's date of birth is read nowhere: one FG0001 on the clamped arithmetic.
namespace Banking.Decisions;

public sealed class BankCustomer
{
    public decimal MonthlyIncome { get; init; }
    public decimal RequestedAmount { get; init; }
    public System.DateTime DateOfBirth { get; init; }
}

public sealed class DecisionScorer
{
    public int Score(BankCustomer customer) =>
        (int)System.Math.Clamp({|FG0001:300 + (double)(customer.MonthlyIncome / customer.RequestedAmount) * 550|}, 300, 850);
}
