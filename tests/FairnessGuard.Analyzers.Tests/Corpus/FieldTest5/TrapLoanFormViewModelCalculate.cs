// Trap (field test 5, names): a loan form's view model calculates the monthly repayment shown to the user from the
// amount and term the user typed; the form also asks for the marital status. A view model's Calculate is a form's
// arithmetic, not a scorer (the type is not named as one): no FG0001.
namespace Bank.Forms;

public sealed class LoanForm
{
    public double Amount { get; set; }
    public int TermMonths { get; set; }
    public double AnnualRate { get; set; }
    public string MaritalStatus { get; set; } = "";
}

public sealed class LoanFormViewModel
{
    public double Calculate(LoanForm form) => form.Amount * (form.AnnualRate / 12) / (1 - System.Math.Pow(1 + form.AnnualRate / 12, -form.TermMonths));
}
