// Trap: Calculate on a tax calculator is not a prediction.
namespace Payroll;

public sealed class Employee
{
    public double Salary { get; init; }
    public double Allowances { get; init; }
    public string Gender { get; init; } = "";
}

public interface ITaxCalculator { double Calculate(double[] amounts); }

public sealed class Payslip(ITaxCalculator tax)
{
    public double Net(Employee e)
    {
        var amounts = new[] { e.Salary, e.Allowances };
        return e.Salary - tax.Calculate(amounts);
    }
}
