// Issue 14.3: a LINQ Select projects customers into a request DTO that a lambda hands to the scorer; Age is
// left out of the DTO.
namespace Retention;

public sealed class Customer
{
    public double MonthlySpend { get; init; }
    public int SupportTickets { get; init; }
    public int Age { get; init; }
}

public sealed class ChurnRequest
{
    public double MonthlySpend { get; init; }
    public int SupportTickets { get; init; }
}

public interface IChurnModel { double Predict(ChurnRequest request); }

public sealed class ChurnBatch(IChurnModel model)
{
    public List<double> ScoreAll(IEnumerable<Customer> customers) =>
        customers
            .Select(c => {|FG0001:new ChurnRequest { MonthlySpend = c.MonthlySpend, SupportTickets = c.SupportTickets }|})
            .Select(r => model.Predict(r))
            .ToList();
}
