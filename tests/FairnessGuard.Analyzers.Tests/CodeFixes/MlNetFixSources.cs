namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// A source stub of the FairnessGuard.ML contract (written in parallel in src/FairnessGuard.ML): the
/// analyzer and the fix recognise it by the containing type's full name and the method name.
/// </summary>
internal static class MlNetFixSources
{
    public const string FairnessMlStub = """
        #nullable enable
        using Microsoft.ML;

        namespace FairnessGuard.ML
        {
            public static class FairnessCatalogExtensions
            {
                public static IEstimator<ITransformer> DemographicParity(this TransformsCatalog catalog, string groupColumnName, string scoreColumnName = "Score", string? outputColumnName = null) => throw new System.NotImplementedException();

                public static IEstimator<ITransformer> FairLinearProjection(this TransformsCatalog catalog, string groupColumnName, string featureColumnName = "Features", string labelColumnName = "Label") => throw new System.NotImplementedException();
            }
        }
        """;

    public const string LoanTrainer = """
        using Microsoft.ML;

        namespace Loans;

        public sealed class LoanTrainer
        {
            private readonly MLContext _ml = new MLContext();

            public ITransformer Train(string path)
            {
                var mlContext = new MLContext();
                var data = mlContext.Data.LoadFromTextFile<LoanInput>(path, ',', hasHeader: true);
                var pipeline = mlContext.Transforms.Concatenate("Features", "Income", "Debt", "Years")
                    .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
                return pipeline.Fit(data);
            }

            public ITransformer Retrain(IDataView data)
            {
                var _ = _ml.Data.LoadFromTextFile<LoanInput>("loans.csv", ',', hasHeader: true);
                var pipeline = _ml.Transforms.Concatenate("Features", "Income", "Debt")
                    .Append(_ml.Regression.Trainers.FastTree())
                    .AppendCacheCheckpoint(_ml);
                return pipeline.Fit(data);
            }
        }
        """;
}
