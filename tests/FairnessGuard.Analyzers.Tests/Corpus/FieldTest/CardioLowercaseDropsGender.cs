// Lower-case property names as in a public cardiovascular sample; the id and gender are loaded but left out of the
// features. The id is not sensitive; gender is: one FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cardio;

public class CardioRow
{
    [LoadColumn(0)] public float id { get; set; }
    [LoadColumn(1)] public float age { get; set; }
    [LoadColumn(2)] public float gender { get; set; }
    [LoadColumn(3)] public float height { get; set; }
    [LoadColumn(4)] public float weight { get; set; }
    [LoadColumn(5)] public float ap_hi { get; set; }
    [LoadColumn(6)] public float cholesterol { get; set; }
    [LoadColumn(7), ColumnName("Label")] public bool cardio { get; set; }
}

public static class CardioTrainer
{
    public static ITransformer Train(MLContext mlContext, string file)
    {
        var view = mlContext.Data.LoadFromTextFile<CardioRow>(file, separatorChar: ';', hasHeader: true);
        var pipeline = {|FG0001:mlContext.Transforms.Concatenate("Features", {|FG0004:"age"|}, "height", "weight", "ap_hi", "cholesterol")|}
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());
        return pipeline.Fit(view);
    }
}
