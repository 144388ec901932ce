// Salary regression: the feature names live in a static array; religion is loaded but not used.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Payroll;

public sealed class EmployeeRow
{
    [LoadColumn(0)] public float Tenure { get; set; }
    [LoadColumn(1)] public float PerformanceRating { get; set; }
    [LoadColumn(2)] public float Level { get; set; }
    [LoadColumn(3)] public string Religion { get; set; } = "";
    [LoadColumn(4)] public string Surname { get; set; } = "";
    [LoadColumn(5), ColumnName("Label")] public float Salary { get; set; }
}

public static class SalaryModel
{
    private static readonly string[] FeatureColumns = { "Tenure", "PerformanceRating", "Level", "SurnameKey" };

    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<EmployeeRow>(path, '\t');
        var pipeline = ml.Transforms.Categorical.OneHotHashEncoding("SurnameKey", {|FG0002:"Surname"|})
            .Append({|FG0001:ml.Transforms.Concatenate("Features", FeatureColumns)|})
            .Append(ml.Regression.Trainers.Sdca());
        return pipeline.Fit(data);
    }
}
