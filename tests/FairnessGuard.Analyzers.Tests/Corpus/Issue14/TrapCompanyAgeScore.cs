// Trap (issue 14.3): a business credit score leaves out the company's age (years since founding), which is
// not a person's age.
namespace SmeLending;

public sealed class Company
{
    public double Revenue { get; init; }
    public double Employees { get; init; }
    public double Age { get; init; }
}

public static class BusinessScore
{
    public static double Score(Company company) => 0.4 * company.Revenue + 0.1 * company.Employees;
}
