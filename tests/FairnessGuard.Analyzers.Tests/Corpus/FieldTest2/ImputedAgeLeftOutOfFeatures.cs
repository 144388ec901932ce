// Field test 2 (real Titanic tutorials): the age column is imputed in place, then never concatenated into the features.
// Cleaning a column is not using it as a feature: one FG0001 on the feature concatenation.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace LoanDefaults;

public class Borrower
{
    [LoadColumn(0)] public bool Defaulted { get; set; }
    [LoadColumn(1)] public float Age { get; set; }
    [LoadColumn(2)] public float Income { get; set; }
    [LoadColumn(3)] public float Debt { get; set; }
    [LoadColumn(4)] public float YearsEmployed { get; set; }
}

public static class DefaultModel
{
    public static ITransformer Train(MLContext context, string csv)
    {
        var rows = context.Data.LoadFromTextFile<Borrower>(csv, hasHeader: true, separatorChar: ',');
        var prep = context.Transforms.ReplaceMissingValues(nameof(Borrower.Age), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(context.Transforms.NormalizeMinMax("Income"))
            .Append({|FG0001:context.Transforms.Concatenate("Features", "Income", "Debt", "YearsEmployed")|});
        var model = prep.Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(Borrower.Defaulted)));
        return model.Fit(rows);
    }
}
