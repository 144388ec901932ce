// Issue 14.3: the feature names are every column except a static list of protected attributes.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tenancy;

public sealed class RentalApplication
{
    [LoadColumn(0)] public float MonthlyIncome { get; set; }
    [LoadColumn(1)] public float Rent { get; set; }
    [LoadColumn(2)] public float PriorEvictions { get; set; }
    [LoadColumn(3)] public string Religion { get; set; } = "";
    [LoadColumn(4), ColumnName("Label")] public bool Accepted { get; set; }
}

public static class TenantScreening
{
    private static readonly string[] AllColumns = { "MonthlyIncome", "Rent", "PriorEvictions", "Religion" };
    private static readonly string[] Protected = { "Religion" };

    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<RentalApplication>(path, ',', hasHeader: true);
        var pipeline = {|FG0001:ml.Transforms.Concatenate("Features", AllColumns.Except(Protected).ToArray())|}
            .Append(ml.BinaryClassification.Trainers.FastForest());
        return pipeline.Fit(data);
    }
}
