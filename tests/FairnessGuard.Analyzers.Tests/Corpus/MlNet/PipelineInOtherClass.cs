// The input type is loaded in another class than the one building the pipeline: the analyzer finds it
// among the compilation's model-input candidates, the only one that has every column the pipeline reads.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn;

public sealed class Subscriber
{
    [LoadColumn(0)] public float Tenure { get; set; }
    [LoadColumn(1)] public float Spend { get; set; }
    [LoadColumn(2)] public string Gender { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool Churned { get; set; }
}

public static class DataLoading
{
    public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Subscriber>(path, ',');
}

public static class ChurnPipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml) =>
        {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
            .Append(ml.BinaryClassification.Trainers.FastForest());
}
