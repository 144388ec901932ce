// Issue 14.3: the data type is loaded in a loader class, the pipeline is built in a third class and the
// prediction engine lives in a service: the one loaded type is the pipeline's input.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Benefits;

public sealed class Claimant
{
    [LoadColumn(0)] public float WeeksUnemployed { get; set; }
    [LoadColumn(1)] public float PriorClaims { get; set; }
    [LoadColumn(2)] public float Disability { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Fraud { get; set; }
}

public sealed class FraudPrediction
{
    [ColumnName("Score")] public float Score { get; set; }
}

public sealed class ClaimsLoader(MLContext ml)
{
    public IDataView Load(string path) => ml.Data.LoadFromTextFile<Claimant>(path, ',', hasHeader: true);
}

public static class FraudPipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml) =>
        {|FG0001:ml.Transforms.Concatenate("Features", "WeeksUnemployed", "PriorClaims")|}
            .Append(ml.BinaryClassification.Trainers.FastTree());
}

public sealed class FraudService(MLContext ml, ITransformer model)
{
    public float Score(Claimant claimant) =>
        ml.Model.CreatePredictionEngine<Claimant, FraudPrediction>(model).Predict(claimant).Score;
}
