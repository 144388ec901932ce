// Loan approval: the team drops gender and age "to be fair" and keeps the zip code.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lending.Training;

public sealed class LoanApplication
{
    [LoadColumn(0)] public float LoanAmount { get; set; }
    [LoadColumn(1)] public float AnnualIncome { get; set; }
    [LoadColumn(2)] public float CreditHistoryLength { get; set; }
    [LoadColumn(3)] public string ApplicantGender { get; set; } = "";
    [LoadColumn(4)] public float ApplicantAge { get; set; }
    [LoadColumn(5)] public string ZipCode { get; set; } = "";
    [LoadColumn(6), ColumnName("Label")] public bool Approved { get; set; }
}

public sealed class LoanTrainer
{
    private readonly MLContext _mlContext = new(seed: 0);

    public ITransformer Train(string dataPath)
    {
        var data = _mlContext.Data.LoadFromTextFile<LoanApplication>(dataPath, separatorChar: ',', hasHeader: true);
        var split = _mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
        var pipeline = _mlContext.Transforms.DropColumns({|FG0001:nameof(LoanApplication.ApplicantGender)|}, {|FG0001:nameof(LoanApplication.ApplicantAge)|})
            .Append(_mlContext.Transforms.Categorical.OneHotHashEncoding("ZipEncoded", {|FG0002:"ZipCode"|}))
            .Append(_mlContext.Transforms.Concatenate("Features", "LoanAmount", "AnnualIncome", "CreditHistoryLength", "ZipEncoded"))
            .Append(_mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(_mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
        var model = pipeline.Fit(split.TrainSet);
        var metrics = _mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:P2}");
        return model;
    }
}
