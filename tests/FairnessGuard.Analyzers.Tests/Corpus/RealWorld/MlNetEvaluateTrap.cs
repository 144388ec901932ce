// Trap: ML.NET's metrics Evaluate on a test set with all columns is not a dropped attribute.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Metrics;

public sealed class Row
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public string Gender { get; set; } = "";
    [LoadColumn(2), ColumnName("Label")] public bool Approved { get; set; }
}

public static class Report
{
    public static double Auc(MLContext ml, ITransformer model, string path)
    {
        var test = ml.Data.LoadFromTextFile<Row>(path, ',');
        return ml.BinaryClassification.Evaluate(model.Transform(test)).AreaUnderRocCurve;
    }
}
