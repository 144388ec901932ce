// Field test 2 trap (real credit-score service): "age" here is the age of the credit history, not of the customer, and
// the customer type carries no personal attribute. No FG0001.
namespace Bureau;

public sealed class Customer
{
    public string Name { get; set; } = "";
    public double PaymentHistory { get; set; }
    public double CreditUtilization { get; set; }
    public double AgeOfCreditHistory { get; set; }
}

public sealed class CreditScoreService
{
    private const double PaymentWeight = 0.4;
    private const double UtilizationWeight = 0.3;
    private const double HistoryWeight = 0.3;

    public int CalculateCreditScore(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var score = (PaymentWeight * customer.PaymentHistory)
            + (UtilizationWeight * (100 - customer.CreditUtilization))
            + (HistoryWeight * Math.Min(customer.AgeOfCreditHistory, 10));
        return (int)score;
    }
}
