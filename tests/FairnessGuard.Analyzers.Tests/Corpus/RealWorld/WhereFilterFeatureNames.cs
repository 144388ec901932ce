// Issue 14.3: feature names filtered with Where(c => c != "Gender") (not resolved: the rule stays silent, a known miss).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Filter;

public sealed class Row
{
    [LoadColumn(0)] public float A { get; set; }
    [LoadColumn(1)] public float B { get; set; }
    [LoadColumn(2)] public float Gender { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Y { get; set; }
}

public static class Model
{
    private static readonly string[] All = { "A", "B", "Gender" };

    public static ITransformer Train(MLContext ml, string path) =>
        {|FG0001:ml.Transforms.Concatenate("Features", All.Where(c => c != "Gender").ToArray())|}
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(ml.Data.LoadFromTextFile<Row>(path, ','));
}
