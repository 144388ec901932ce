// Issue 14.3: the feature list is a static readonly field of a schema class; it leaves the applicant's age out.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hiring.Screening;

public sealed class JobApplicant
{
    [LoadColumn(0)] public float YearsExperience { get; set; }
    [LoadColumn(1)] public float TestScore { get; set; }
    [LoadColumn(2)] public float ApplicantAge { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Invited { get; set; }
}

public static class Schema
{
    public static readonly string[] Features = { "YearsExperience", "TestScore" };
}

public static class ScreeningModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<JobApplicant>(path, ',', hasHeader: true);
        return {|FG0001:ml.Transforms.Concatenate("Features", Schema.Features)|}
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression())
            .Fit(data);
    }
}
