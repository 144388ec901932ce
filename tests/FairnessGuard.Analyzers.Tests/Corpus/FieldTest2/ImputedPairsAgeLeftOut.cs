// Field test 2 (ML.NET CLI style): several columns imputed in place through InputOutputColumnPair items; the applicant's
// age is cleaned with the others but the feature list leaves it out: one FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Underwriting;

public class ApplicantRow
{
    [LoadColumn(0), ColumnName("Label")] public bool Approved { get; set; }
    [LoadColumn(1)] public float ApplicantAge { get; set; }
    [LoadColumn(2)] public float Income { get; set; }
    [LoadColumn(3)] public float LoanAmount { get; set; }
}

public static class UnderwritingPipeline
{
    public static IEstimator<ITransformer> Build(MLContext ml)
    {
        IDataView unused = ml.Data.LoadFromEnumerable(new List<ApplicantRow>());
        return ml.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair("ApplicantAge", "ApplicantAge"), new InputOutputColumnPair("Income", "Income") })
            .Append({|FG0001:ml.Transforms.Concatenate("Features", new[] { "Income", "LoanAmount" })|})
            .Append(ml.BinaryClassification.Trainers.FastTree());
    }
}
