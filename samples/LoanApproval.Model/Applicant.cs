using System.Globalization;
using FairnessGuard;

namespace LoanApproval;

/// <summary>The applicant's race as recorded in the Boston HMDA data (African American or not).</summary>
public enum Race
{
    /// <summary>Not African American (white in the study design).</summary>
    White,

    /// <summary>African American.</summary>
    Black,
}

/// <summary>One mortgage application of the Boston HMDA data (Munnell et al. 1996).</summary>
public sealed record Applicant
{
    /// <summary>Whether the mortgage was denied (the label).</summary>
    public bool Denied { get; init; }

    /// <summary>Total debt payments to income.</summary>
    public double PaymentToIncome { get; init; }

    /// <summary>Housing expenses to income.</summary>
    public double HousingToIncome { get; init; }

    /// <summary>Loan to assessed property value.</summary>
    public double LoanToValue { get; init; }

    /// <summary>Consumer credit score, 1 (best) to 6.</summary>
    public int ConsumerCredit { get; init; }

    /// <summary>Mortgage credit score, 1 (best) to 4.</summary>
    public int MortgageCredit { get; init; }

    /// <summary>A public bad credit record.</summary>
    public bool PublicRecord { get; init; }

    /// <summary>The unemployment rate of the applicant's industry.</summary>
    public double Unemployment { get; init; }

    /// <summary>Self-employed.</summary>
    public bool SelfEmployed { get; init; }

    /// <summary>Denied mortgage insurance.</summary>
    public bool InsuranceDenied { get; init; }

    /// <summary>The property is a condominium.</summary>
    public bool Condominium { get; init; }

    /// <summary>The applicant's race: a protected attribute.</summary>
    [Sensitive]
    public Race Race { get; init; }

    /// <summary>Single applicant.</summary>
    public bool Single { get; init; }

    /// <summary>High-school diploma.</summary>
    public bool HighSchool { get; init; }

    /// <summary>Reads hmda.csv (AER's HMDA columns).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The applications in file order.</returns>
    public static Applicant[] Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        int Col(string name) => header.IndexOf(name);
        return [.. lines.Skip(1).Select(line =>
        {
            var f = line.Split(',').Select(v => v.Trim('"')).ToArray();
            double D(string c) => double.Parse(f[Col(c)], CultureInfo.InvariantCulture);
            bool B(string c) => f[Col(c)] == "yes";
            return new Applicant
            {
                Denied = B("deny"),
                PaymentToIncome = D("pirat"),
                HousingToIncome = D("hirat"),
                LoanToValue = D("lvrat"),
                ConsumerCredit = (int)D("chist"),
                MortgageCredit = (int)D("mhist"),
                PublicRecord = B("phist"),
                Unemployment = D("unemp"),
                SelfEmployed = B("selfemp"),
                InsuranceDenied = B("insurance"),
                Condominium = B("condomin"),
                Race = B("afam") ? Race.Black : Race.White,
                Single = B("single"),
                HighSchool = B("hschool"),
            };
        })];
    }
}
