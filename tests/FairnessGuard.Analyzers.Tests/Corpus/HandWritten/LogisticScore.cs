// A hand-rolled logistic regression whose Score method reads every member except the protected ones.
namespace Tenancy;

public sealed record RentalApplication(
    decimal MonthlyRent,
    decimal MonthlyIncome,
    int PreviousEvictions,
    bool HasGuarantor,
    string MaritalStatus,
    bool IsPregnant,
    string Postcode);

public sealed class TenantScreeningModel
{
    private readonly double[] _weights = { 2.1, -0.8, -1.7, 0.5, 0.01 };
    private readonly double _bias = -0.2;

    public double Score(RentalApplication application)
    {
        double[] x =
        {|FG0001:{|FG0001:[
            (double)(application.MonthlyIncome / Math.Max(1, application.MonthlyRent)),
            (double)application.MonthlyRent / 1000,
            application.PreviousEvictions,
            application.HasGuarantor ? 1 : 0,
            {|FG0002:application.Postcode|}.GetHashCode() % 100,
        ]|}|};

        var z = _bias;
        for (var i = 0; i < x.Length; i++)
        {
            z += _weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
