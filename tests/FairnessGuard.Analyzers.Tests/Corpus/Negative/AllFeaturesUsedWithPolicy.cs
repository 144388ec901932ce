// The fix in action: an output policy covers the scoring method, so hiding the attribute is not the fairness story.
using FairnessGuard;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lending.Fair;

public sealed class Application
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Debt { get; set; }
    [LoadColumn(2)] public string Gender { get; set; } = "";
    [LoadColumn(3)] public string Postcode { get; set; } = "";
    [LoadColumn(4), ColumnName("Label")] public bool Repaid { get; set; }
}

public sealed class Output { public float Score { get; set; } }

public sealed class FairLoanModel(MLContext ml)
{
    public ITransformer Train(string path) =>
        ml.Transforms.Categorical.OneHotHashEncoding("PostcodeKey", "Postcode")
            .Append(ml.Transforms.Concatenate("Features", "Income", "Debt", "PostcodeKey"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
            .Fit(ml.Data.LoadFromTextFile<Application>(path, ','));

    [DemographicParity(nameof(Application.Gender), Tolerance = 0.02)]
    public float Score(PredictionEngine<Application, Output> engine, Application application) => engine.Predict(application).Score;
}
