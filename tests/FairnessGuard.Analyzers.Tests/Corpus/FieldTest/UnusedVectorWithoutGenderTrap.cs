// A second, unused vector leaves the gender out, but the trainer reads "Features", which has it (FG0004, opt-in).
// No FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace OtherVectorTrap;

public class Applicant
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Debt { get; set; }
    [LoadColumn(2)] public string Gender { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
}

public static class Program
{
    public static void Main(string[] args)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Applicant>(args[0], ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
        var dataProcessPipeline = ml.Transforms.Concatenate("Features", nameof(Applicant.Income), nameof(Applicant.Debt), {|FG0004:nameof(Applicant.Gender)|})
            .Append(ml.Transforms.Concatenate("FeatureVector", nameof(Applicant.Income), nameof(Applicant.Debt)))
            .Append(ml.Transforms.NormalizeMinMax("Features"));
        var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features");
        var trainingPipeline = dataProcessPipeline.Append(trainer);
        var model = trainingPipeline.Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        System.Console.WriteLine(metrics.Accuracy);
    }
}
