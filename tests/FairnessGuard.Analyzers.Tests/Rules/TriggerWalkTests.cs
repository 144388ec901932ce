using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// The file walk goes member by member and stops reading a member at its first trigger: the block must still be
/// read whole, and members of nested types, namespaces and top-level code must all be reached.
/// </summary>
public class TriggerWalkTests
{
    [Fact]
    public async Task APipelineAfterTheMembersFirstTriggerIsStillRead()
    {
        // `Fit` (a prediction verb) is the method's first trigger; the Concatenate that drops Gender comes after it.
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public static class Retrainer
            {
                public static ITransformer Retrain(MLContext ml, IDataView data)
                {
                    var baseline = ml.Transforms.NormalizeMinMax("Income").Fit(data);
                    var pipeline = [|ml.Transforms.Concatenate("Features", "Income", "Debt", "Years")|]
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    return pipeline.Fit(baseline.Transform(data));
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task MembersOfNestedTypesInNamespacesAndAfterTopLevelCodeAreReached()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            var ml = new MLContext();
            var data = ml.Data.LoadFromTextFile<LoanInput>("loans.csv", ',', hasHeader: true);
            var model = [|ml.Transforms.Concatenate("Features", "Income", "Debt")|]
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                .Fit(data);
            Console.WriteLine(Loans.Models.Outer.Inner.Train(ml, data) == model);

            namespace Loans.Models
            {
                public static class Outer
                {
                    public static class Inner
                    {
                        public static int Seed { get; } = 1;

                        public static ITransformer Train(MLContext ml, IDataView data) =>
                            [|ml.Transforms.Concatenate("Features", "Income", "Years")|]
                                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                                .Fit(data);
                    }
                }
            }
            """).VerifyAsync();
    }
}
