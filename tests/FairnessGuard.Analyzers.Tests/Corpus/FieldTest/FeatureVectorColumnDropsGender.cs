// Pipeline, trainer and training pipeline in separate locals, the feature column named "FeatureVector" in the trainer:
// the gender is loaded and left out. FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FeatureVectorNamed;

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
        var dataProcessPipeline = {|FG0001:ml.Transforms.Concatenate("FeatureVector", nameof(Applicant.Income), nameof(Applicant.Debt))|}
            .Append(ml.Transforms.NormalizeMinMax("FeatureVector"));
        var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "FeatureVector");
        var trainingPipeline = dataProcessPipeline.Append(trainer);
        var model = trainingPipeline.Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        System.Console.WriteLine(metrics.Accuracy);
    }
}
