// A credit model exported to ONNX and scored by hand: the feature tensor leaves out age and gender.
namespace Credit;

public sealed class Customer
{
    public Guid Id { get; init; }
    public decimal Balance { get; init; }
    public decimal MonthlyIncome { get; init; }
    public int OpenAccounts { get; init; }
    public int Age { get; init; }
    public string Gender { get; init; } = "";
}

public sealed class DenseTensor<T>(T[] data, int[] dimensions)
{
    public T[] Data { get; } = data;
    public int[] Dimensions { get; } = dimensions;
}

public interface IInferenceSession
{
    float[] Run(string inputName, DenseTensor<float> input);
}

public sealed class CreditScorer(IInferenceSession session)
{
    public float PredictDefault(Customer customer)
    {
        var features = {|FG0001:{|FG0001:new float[]
        {
            (float)customer.Balance,
            (float)customer.MonthlyIncome,
            customer.OpenAccounts,
        }|}|};
        var tensor = new DenseTensor<float>(features, new[] { 1, features.Length });
        return session.Run("input", tensor)[0];
    }
}
