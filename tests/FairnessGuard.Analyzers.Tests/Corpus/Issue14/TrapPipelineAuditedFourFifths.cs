// Trap (issue 14.3): the pipeline leaves Ethnicity out, and the project audits the model's outputs grouped by
// Ethnicity with a four-fifths (disparate impact) check: an output constraint of its own.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Admissions;

public sealed class Applicant
{
    [LoadColumn(0)] public float Gpa { get; set; }
    [LoadColumn(1)] public float TestScore { get; set; }
    [LoadColumn(2)] public string Ethnicity { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool Admitted { get; set; }
}

public static class AdmissionsModel
{
    public static ITransformer Train(MLContext ml, string path) =>
        ml.Transforms.Concatenate("Features", "Gpa", "TestScore")
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(ml.Data.LoadFromTextFile<Applicant>(path, ',', hasHeader: true));
}

public static class DisparateImpactAudit
{
    public static bool PassesFourFifthsRule(IEnumerable<(Applicant Applicant, bool Admitted)> decisions)
    {
        var rates = decisions.GroupBy(d => d.Applicant.Ethnicity)
            .Select(g => g.Count(d => d.Admitted) / (double)g.Count())
            .ToList();
        return rates.Min() >= 0.8 * rates.Max();
    }
}
