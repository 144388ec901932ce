// Issue 14.3: the label is set through the trainer's options object with nameof; the data type is loaded in
// another class (the only type the project loads).
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Mortgages;

public sealed class MortgageApplication
{
    [LoadColumn(0)] public float LoanToValue { get; set; }
    [LoadColumn(1)] public float DebtToIncome { get; set; }
    [LoadColumn(2)] public float CreditHistoryYears { get; set; }
    [LoadColumn(3)] public string Ethnicity { get; set; } = "";
    [LoadColumn(4)] public bool Approved { get; set; }
}

public static class MortgageData
{
    public static IDataView Read(MLContext ml, string csv) => ml.Data.LoadFromTextFile<MortgageApplication>(csv, ',', hasHeader: true);
}

public static class ApprovalPipeline
{
    public static IEstimator<ITransformer> Build(MLContext ml)
    {
        var trainerOptions = new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(MortgageApplication.Approved),
            MaximumNumberOfIterations = 200,
        };

        return {|FG0001:ml.Transforms.Concatenate("Features", nameof(MortgageApplication.LoanToValue), nameof(MortgageApplication.DebtToIncome), nameof(MortgageApplication.CreditHistoryYears))|}
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(trainerOptions));
    }
}
