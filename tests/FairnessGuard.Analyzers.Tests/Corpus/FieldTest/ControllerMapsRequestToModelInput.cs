// An API controller maps the request onto the model's input with an object initializer and leaves the applicant's
// gender out (the model input has no such column): FG0001 at the initializer.
using Microsoft.ML.Data;

namespace LoanApi;

public class LoanRequest
{
    public float Income { get; set; }
    public float Debt { get; set; }
    public string Gender { get; set; } = "";
    public int Age { get; set; }
}

public class ModelInput
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Debt { get; set; }
    [LoadColumn(2), ColumnName("Label")] public bool Approved { get; set; }
}

public class ModelOutput
{
    public float Score { get; set; }
}

public interface IEnginePool { ModelOutput Predict(string modelName, ModelInput example); }

public class LoanController(IEnginePool pool)
{
    public float Post(LoanRequest request)
    {
        var input = {|FG0001:new ModelInput { Income = request.Income, Debt = request.Debt }|};
        return pool.Predict("loan", input).Score;
    }
}
