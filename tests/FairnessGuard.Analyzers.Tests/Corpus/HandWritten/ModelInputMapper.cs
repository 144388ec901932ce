// A web API maps its domain entity to the ML.NET model input, silently omitting the applicant's sex.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Admissions;

public sealed class Applicant
{
    public int Id { get; set; }
    public float Gpa { get; set; }
    public float TestScore { get; set; }
    public int Extracurriculars { get; set; }
    public string Sex { get; set; } = "";
    public string HomeLanguage { get; set; } = "";
}

public sealed class AdmissionInput
{
    public float Gpa { get; set; }
    public float TestScore { get; set; }
    public float Extracurriculars { get; set; }
    public string HomeLanguage { get; set; } = "";
}

public sealed class AdmissionPrediction
{
    [ColumnName("PredictedLabel")] public bool Admit { get; set; }
    public float Probability { get; set; }
}

public sealed class AdmissionService(PredictionEngine<AdmissionInput, AdmissionPrediction> engine)
{
    public AdmissionPrediction Evaluate(Applicant applicant)
    {
        var input = {|FG0001:new AdmissionInput
        {
            Gpa = applicant.Gpa,
            TestScore = applicant.TestScore,
            Extracurriculars = applicant.Extracurriculars,
            HomeLanguage = {|FG0002:applicant.HomeLanguage|},
        }|};
        return engine.Predict(input);
    }
}
