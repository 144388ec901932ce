using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// One pass over a member both looks for its first trigger and scans it, and a member without a trigger hands its
/// emptied scan on to the next member: what the first member reads must not count as read by the second.
/// </summary>
public class MemberScanTests
{
    [Fact]
    public async Task WhatAMemberWithoutATriggerReadsDoesNotCountInTheNextMember()
    {
        // Describe reads Gender (identifier and string) and has no trigger; Make, next, drops Gender: still FG0001.
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public static class Trainer
            {
                public static string Describe(LoanInput input) => "Gender: " + input.Gender;

                public static ITransformer Make(MLContext ml, IDataView data) =>
                    [|ml.Transforms.Concatenate("Features", "Income", "Debt", "Years")|]
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                        .Fit(data);
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AReadOfTheColumnAfterTheMembersFirstTriggerStillCounts()
    {
        // The block scan runs on in the same pass after the trigger (Fit): the later read of Gender is seen,
        // so the column is used in the block and not reported as dropped.
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using Microsoft.ML;

            public static class Trainer
            {
                public static ITransformer Make(MLContext ml, IDataView data)
                {
                    var baseline = ml.Transforms.NormalizeMinMax("Income").Fit(data);
                    var pipeline = ml.Transforms.Concatenate("Features", "Income", "Debt", "Years")
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var filtered = ml.Data.FilterByCustomPredicate<LoanInput>(data, row => row.Gender == "");
                    return pipeline.Fit(baseline.Transform(filtered));
                }
            }
            """).VerifyAsync();
    }
}
