// Field test 2 trap: the age column is imputed in place and then concatenated into the features. No FG0001 (with FG0004
// switched on, the age is a feature used directly).
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace LoanDefaults.Kept;

public class Borrower
{
    [LoadColumn(0)] public bool Defaulted { get; set; }
    [LoadColumn(1)] public float Age { get; set; }
    [LoadColumn(2)] public float Income { get; set; }
    [LoadColumn(3)] public float Debt { get; set; }
}

public static class DefaultModel
{
    public static ITransformer Train(MLContext context, string csv)
    {
        var rows = context.Data.LoadFromTextFile<Borrower>(csv, hasHeader: true, separatorChar: ',');
        var prep = context.Transforms.ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(context.Transforms.Concatenate("Features", {|FG0004:"Age"|}, "Income", "Debt"));
        return prep.Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Defaulted")).Fit(rows);
    }
}
