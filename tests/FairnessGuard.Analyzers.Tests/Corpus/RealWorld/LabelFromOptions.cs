// Issue 14.3: the label comes from the trainer's options object.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Churn3;

public sealed class Account
{
    [LoadColumn(0)] public float Tenure { get; set; }
    [LoadColumn(1)] public float Spend { get; set; }
    [LoadColumn(2)] public string Race { get; set; } = "";
    [LoadColumn(3)] public bool Left { get; set; }
}

public static class Loading
{
    public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Account>(path, ',');
}

public static class ChurnPipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml)
    {
        var options = new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Left", MaximumNumberOfIterations = 100 };
        return {|FG0001:ml.Transforms.Concatenate("Features", "Tenure", "Spend")|}
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(options));
    }
}
