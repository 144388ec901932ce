// Features appended one statement at a time: a reviewer flags the missing date of birth, the analyzer
// (which reads feature collections built in one expression) does not see it (expected miss).
namespace Fraud;

public sealed class Transaction
{
    public double Amount { get; set; }
    public double MerchantRisk { get; set; }
    public DateTime CardholderDateOfBirth { get; set; }
}

public interface IFraudModel { double Score(List<double> features); }

public sealed class FraudCheck(IFraudModel model)
{
    public double Check(Transaction t)
    {
        {|FG0001:var features = new List<double>();|}
        features.Add(t.Amount);
        features.Add(t.MerchantRisk);
        return model.Score(features);
    }
}
