// Issue 14.3: the trainer names its label; the data is loaded elsewhere, so the input is inferred (Info).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn2;

public sealed class Subscriber
{
    [LoadColumn(0)] public float Tenure { get; set; }
    [LoadColumn(1)] public float Spend { get; set; }
    [LoadColumn(2)] public string Gender { get; set; } = "";
    [LoadColumn(3)] public bool Churned { get; set; }
}

public static class Loading
{
    public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Subscriber>(path, ',');
}

public static class ChurnPipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml) =>
        {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
            .Append(ml.BinaryClassification.Trainers.FastForest(labelColumnName: "Churned"));
}
