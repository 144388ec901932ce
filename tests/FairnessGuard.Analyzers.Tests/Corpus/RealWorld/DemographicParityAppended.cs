// Trap (issue 15.5): the pipeline appends FairnessGuard.ML's parity estimator.
using FairnessGuard.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML
{
    public static class FairnessCatalogExtensions
    {
        public static IEstimator<ITransformer> DemographicParity(this TransformsCatalog catalog, string groupColumnName, string scoreColumnName = "Score", string? outputColumnName = null) => throw new System.NotImplementedException();
        public static IEstimator<ITransformer> FairLinearProjection(this TransformsCatalog catalog, string groupColumnName, string featureColumnName = "Features", string labelColumnName = "Label") => throw new System.NotImplementedException();
    }
}

namespace Loans15
{
    public sealed class LoanRow
    {
        [LoadColumn(0)] public float Income { get; set; }
        [LoadColumn(1)] public float Debt { get; set; }
        [LoadColumn(2)] public string Race { get; set; } = "";
        [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
    }

    public static class LoanModel
    {
        private static readonly string Group = typeof(LoanRow).GetProperties()[2].Name;

        public static ITransformer Train(MLContext ml, string path) =>
            ml.Transforms.Concatenate("Features", "Income", "Debt")
                .Append(ml.BinaryClassification.Trainers.FastTree())
                .Append(ml.Transforms.DemographicParity(groupColumnName: Group))
                .Fit(ml.Data.LoadFromTextFile<LoanRow>(path, ','));

        public static ITransformer TrainProjected(MLContext ml, string path) =>
            ml.Transforms.Concatenate("Features", "Income", "Debt")
                .Append(ml.Transforms.FairLinearProjection(Group))
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                .Fit(ml.Data.LoadFromTextFile<LoanRow>(path, ','));
    }
}
