using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

public class SmokeTests
{
    [Fact]
    public async Task MlNetConcatenateLeavingOutGenderIsReported()
    {
        await new TestProject().WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public class LoanInput
            {
                [LoadColumn(0)] public float Income { get; set; }
                [LoadColumn(1)] public float Debt { get; set; }
                [LoadColumn(2)] public string Gender { get; set; } = "";
                [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
            }

            public static class Trainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',', hasHeader: true);
                    var pipeline = [|ml.Transforms.Concatenate("Features", nameof(LoanInput.Income), nameof(LoanInput.Debt))|]
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    return pipeline.Fit(data);
                }
            }
            """).VerifyAsync();
    }
}
