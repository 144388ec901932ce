// A clinical sample: every measured column, age and sex included, goes into the features. No FG0001; FG0004 (opt-in)
// marks the direct use.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clinic;

public class PatientRecord
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public float Sex { get; set; }
    [LoadColumn(2)] public float ChestPain { get; set; }
    [LoadColumn(3)] public float RestingPressure { get; set; }
    [LoadColumn(4)] public float Cholesterol { get; set; }
    [LoadColumn(5)] public float MaxHeartRate { get; set; }
    [LoadColumn(6), ColumnName("Label")] public bool Disease { get; set; }
}

public class PatientPrediction
{
    [ColumnName("PredictedLabel")] public bool Predicted { get; set; }
    public float Probability { get; set; }
}

public static class HeartModel
{
    public static PatientPrediction Predict(MLContext ml, string trainPath, PatientRecord patient)
    {
        var train = ml.Data.LoadFromTextFile<PatientRecord>(trainPath, hasHeader: true, separatorChar: ';');
        var pipeline = ml.Transforms.Concatenate("Features", {|FG0004:"Age"|}, {|FG0004:"Sex"|}, "ChestPain", "RestingPressure", "Cholesterol", "MaxHeartRate")
            .Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "Features"));
        var model = pipeline.Fit(train);
        var engine = ml.Model.CreatePredictionEngine<PatientRecord, PatientPrediction>(model);
        return engine.Predict(patient);
    }
}
