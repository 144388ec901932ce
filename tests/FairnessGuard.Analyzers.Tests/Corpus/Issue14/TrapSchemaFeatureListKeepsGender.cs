// Trap (issue 14.3): the feature list is a static readonly field of another class and holds Gender; nothing
// is dropped (the direct use is FG0004's business).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Payroll;

public sealed class Employee
{
    [LoadColumn(0)] public float Tenure { get; set; }
    [LoadColumn(1)] public float Rating { get; set; }
    [LoadColumn(2)] public float Gender { get; set; }
    [LoadColumn(3), ColumnName("Label")] public float Raise { get; set; }
}

public static class RaiseSchema
{
    public static readonly string[] FeatureColumns = { nameof(Employee.Tenure), nameof(Employee.Rating), {|FG0004:nameof(Employee.Gender)|} };
}

public static class RaiseModel
{
    public static ITransformer Train(MLContext ml, string path) =>
        ml.Transforms.Concatenate("Features", RaiseSchema.FeatureColumns)
            .Append(ml.Regression.Trainers.Sdca())
            .Fit(ml.Data.LoadFromTextFile<Employee>(path, ',', hasHeader: true));
}
