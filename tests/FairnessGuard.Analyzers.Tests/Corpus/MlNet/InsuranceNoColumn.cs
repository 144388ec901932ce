// Insurance pricing: the sensitive member stays on the input for reporting but is hidden from ML.NET.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Insurance;

public class PolicyHolder
{
    [LoadColumn(0)] public float VehicleValue { get; set; }
    [LoadColumn(1)] public float AnnualMileage { get; set; }
    [LoadColumn(2)] public float PriorClaims { get; set; }
    [NoColumn] public string Nationality { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public float Premium { get; set; }
}

public static class PremiumModel
{
    public static ITransformer Fit(MLContext context, string csv)
    {
        var rows = context.Data.LoadFromTextFile<PolicyHolder>(csv, ',', hasHeader: true);
        return {|FG0001:context.Transforms.Concatenate("Features", nameof(PolicyHolder.VehicleValue), nameof(PolicyHolder.AnnualMileage), nameof(PolicyHolder.PriorClaims))|}
            .Append(context.Regression.Trainers.FastTree())
            .Fit(rows);
    }
}
