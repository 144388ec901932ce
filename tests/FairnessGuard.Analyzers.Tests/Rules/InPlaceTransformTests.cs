using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on ML.NET pipelines that clean a column in place (field test on real public code, 2026-12-03): cleaning is not
/// using; the feature list decides. The suggested estimator is written on the pipeline's own context.
/// </summary>
public class InPlaceTransformTests
{
    private const string Patient = """
        using Microsoft.ML.Data;

        namespace Clinic;

        public class Patient
        {
            [LoadColumn(0), ColumnName("Label")] public bool Readmitted { get; set; }
            [LoadColumn(1)] public float Age { get; set; }
            [LoadColumn(2)] public string Sex { get; set; } = "";
            [LoadColumn(3)] public float Glucose { get; set; }
            [LoadColumn(4)] public float Bmi { get; set; }
        }
        """;

    [Fact]
    public async Task ColumnsNormalizedOrEncodedInPlaceButLeftOutOfTheFeaturesAreReportedWithTheContextAsWritten()
    {
        var diagnostics = await new TestProject().WithSource(Patient).WithSource("""
            using Microsoft.ML;

            namespace Clinic;

            public static class ReadmissionModel
            {
                public static ITransformer Train(MLContext context, IDataView rows)
                {
                    var pipeline = context.Transforms.NormalizeMinMax(nameof(Patient.Age))
                        .Append(context.Transforms.Categorical.OneHotEncoding(outputColumnName: "Sex"))
                        .Append({|FG0001:{|FG0001:context.Transforms.Concatenate("Features", "Glucose", "Bmi")|}|})
                        .Append(context.BinaryClassification.Trainers.FastTree());
                    return pipeline.Fit(rows);
                }
            }
            """).VerifyAsync();

        Assert.All(diagnostics, d => Assert.Contains(".Append(context.Transforms.DemographicParity(groupColumnName: ", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AColumnCleanedInPlaceAndConcatenatedIsUsed()
    {
        await new TestProject().WithSource(Patient).WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Clinic;

            public static class ReadmissionModel
            {
                public static ITransformer Train(MLContext ml, IDataView rows)
                {
                    var pipeline = ml.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair("Age", "Age"), new InputOutputColumnPair("Glucose", "Glucose") })
                        .Append(ml.Transforms.Categorical.OneHotEncoding("Sex"))
                        .Append(ml.Transforms.Concatenate("Features", "Age", "Sex", "Glucose", "Bmi"))
                        .Append(ml.BinaryClassification.Trainers.FastTree());
                    return pipeline.Fit(rows);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AColumnCleanedInPlaceAndReadElsewhereInTheBlockStaysUsed()
    {
        // The cleaned age also feeds a second concatenation that the features take: a use the rule does not resolve.
        await new TestProject().WithSource(Patient).WithSource("""
            using Microsoft.ML;

            namespace Clinic;

            public static class ReadmissionModel
            {
                public static ITransformer Train(MLContext ml, IDataView rows)
                {
                    var pipeline = ml.Transforms.ReplaceMissingValues("Age")
                        .Append(ml.Transforms.Concatenate("Demographics", "Age", "Sex"))
                        .Append(ml.Transforms.Concatenate("Features", "Demographics", "Glucose", "Bmi"))
                        .Append(ml.BinaryClassification.Trainers.FastTree());
                    return pipeline.Fit(rows);
                }
            }
            """).VerifyAsync();
    }
}
