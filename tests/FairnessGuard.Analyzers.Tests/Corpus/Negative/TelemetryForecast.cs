// Capacity forecasting: names that contain sensitive letters (Average, Usage, Page, Sextant) are not sensitive.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Ops;

public sealed class ServerSample
{
    [LoadColumn(0)] public float AverageLoad { get; set; }
    [LoadColumn(1)] public float DiskUsage { get; set; }
    [LoadColumn(2)] public float PageFaults { get; set; }
    [LoadColumn(3)] public float MaxAge { get; set; }
    [LoadColumn(4)] public float Sextant { get; set; }
    [LoadColumn(5)] public string Language { get; set; } = "";
    [LoadColumn(6), ColumnName("Label")] public float NextHourLoad { get; set; }
}

public static class Forecast
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<ServerSample>(path, ',');
        return ml.Transforms.DropColumns("Sextant")
            .Append(ml.Transforms.Categorical.OneHotEncoding("LanguageKey", "Language"))
            .Append(ml.Transforms.Concatenate("Features", "AverageLoad", "DiskUsage", "PageFaults", "LanguageKey"))
            .Append(ml.Regression.Trainers.FastTree())
            .Fit(data);
    }

    public static double Predict(ServerSample s, double[] weights) =>
        new[] { s.AverageLoad, s.DiskUsage, s.PageFaults }.Zip(weights, (x, w) => x * w).Sum();
}
