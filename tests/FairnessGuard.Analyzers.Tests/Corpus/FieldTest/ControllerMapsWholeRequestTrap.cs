// As ControllerMapsRequestToModelInput, but the request is mapped whole, gender and age included. No FG0001;
// FG0004 (opt-in) marks the gender's direct use.
using Microsoft.ML.Data;

namespace LoanApi2;

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
    [LoadColumn(2)] public string Gender { get; set; } = "";
    [LoadColumn(3)] public int Age { get; set; }
    [LoadColumn(4), ColumnName("Label")] public bool Approved { get; set; }
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
        var input = new ModelInput { Income = request.Income, Debt = request.Debt, Gender = {|FG0004:request.Gender|}, Age = request.Age };
        return pool.Predict("loan", input).Score;
    }
}
