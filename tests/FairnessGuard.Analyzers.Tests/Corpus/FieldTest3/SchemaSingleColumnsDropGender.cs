// Field test 3 (real HR-attrition code): the numeric features are every Single column of the loaded schema but the
// label, projected into an anonymous type and filtered on its type name; the categorical ones are encoded and added by
// name. The string Gender column is in neither: one FG0001 on the feature concatenation.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Scholarships;

public class Candidate
{
    [LoadColumn(0)] public bool Awarded { get; set; }
    [LoadColumn(1)] public float GradeAverage { get; set; }
    [LoadColumn(2)] public float Absences { get; set; }
    [LoadColumn(3)] public float HouseholdIncome { get; set; }
    [LoadColumn(4)] public string School { get; set; } = "";
    [LoadColumn(5)] public string Gender { get; set; } = "";
}

public static class AwardModel
{
    public static ITransformer Train(MLContext ml, string csv)
    {
        IDataView rows = ml.Data.LoadFromTextFile<Candidate>(csv, hasHeader: true, separatorChar: ',');
        var numeric = rows.Schema.AsEnumerable()
            .Select(col => new { col.Name, col.Type })
            .Where(col => col.Name != nameof(Candidate.Awarded) && col.Type.ToString() == "Single")
            .ToArray();
        var names = numeric.Select(col => col.Name).ToList();
        names.Add(nameof(Candidate.School) + "Code");
        string[] featureNames = names.ToArray();
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(nameof(Candidate.School) + "Code", nameof(Candidate.School))
            .Append({|FG0001:ml.Transforms.Concatenate("Features", featureNames)|})
            .Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(Candidate.Awarded)));
        return pipeline.Fit(rows);
    }
}
