// Issue 14.3: the training data comes from a loader helper in another class (LoadFromTextFile<T>), the label
// is named by labelColumnName:, and the project loads other types too: the helper decides the input.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lending.Defaults;

public sealed class Borrower
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Utilisation { get; set; }
    [LoadColumn(2)] public float MissedPayments { get; set; }
    [LoadColumn(3)] public string Race { get; set; } = "";
    [LoadColumn(4)] public bool Defaulted { get; set; }
}

public sealed class BranchReport
{
    [LoadColumn(0)] public string Branch { get; set; } = "";
    [LoadColumn(1)] public float Volume { get; set; }
}

public static class DataAccess
{
    public static IDataView LoadTraining(MLContext ml, string path) => ml.Data.LoadFromTextFile<Borrower>(path, ',', hasHeader: true);

    public static IDataView LoadReports(MLContext ml, string path) => ml.Data.LoadFromTextFile<BranchReport>(path, ',', hasHeader: true);
}

public sealed class DefaultModelTrainer
{
    private readonly MLContext _ml = new(seed: 7);

    public ITransformer Train(string path)
    {
        var training = DataAccess.LoadTraining(_ml, path);
        var pipeline = {|FG0001:_ml.Transforms.Concatenate("Features", "Income", "Utilisation", "MissedPayments")|}
            .Append(_ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Defaulted"));
        return pipeline.Fit(training);
    }
}
