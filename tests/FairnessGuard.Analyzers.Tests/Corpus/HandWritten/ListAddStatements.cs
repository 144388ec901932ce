// Features appended one statement at a time: a reviewer flags the missing date of birth. Reported on the
// empty list the features are appended to, as a feature set built in one expression is on its creation.
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
        var features = {|FG0001:new List<double>()|};
        features.Add(t.Amount);
        features.Add(t.MerchantRisk);
        return model.Score(features);
    }
}
