// Adult census as public samples write it: categorical columns one-hot encoded by Aggregate over a nameof list, every
// loaded column (race and sex included) concatenated from a local array. Nothing is dropped: no FG0001;
// FG0004 (opt-in) marks the direct uses.
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Census;

public class CensusRow
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public string Employer { get; set; } = "";
    [LoadColumn(3)] public string Schooling { get; set; } = "";
    [LoadColumn(7)] public string Household { get; set; } = "";
    [LoadColumn(8)] public string Race { get; set; } = "";
    [LoadColumn(9)] public string Sex { get; set; } = "";
    [LoadColumn(12)] public float WeeklyHours { get; set; }
    [LoadColumn(14), ColumnName("Label")] public string Bracket { get; set; } = "";
}

public static class CensusTraining
{
    public static ITransformer Run(MLContext context, string path)
    {
        var data = context.Data.LoadFromTextFile<CensusRow>(path, separatorChar: ',');
        var features = new[]
        {
            {|FG0004:nameof(CensusRow.Age)|}, nameof(CensusRow.Employer), nameof(CensusRow.Schooling), nameof(CensusRow.Household),
            {|FG0004:nameof(CensusRow.Race)|}, {|FG0004:nameof(CensusRow.Sex)|}, nameof(CensusRow.WeeklyHours),
        };
        var categorical = new[] { nameof(CensusRow.Employer), nameof(CensusRow.Schooling), nameof(CensusRow.Household), nameof(CensusRow.Race), nameof(CensusRow.Sex) };
        var lookup = new Dictionary<string, bool> { [">50K"] = true, ["<=50K"] = false };
        var start = new EstimatorChain<OneHotEncodingTransformer>();
        var pipeline = categorical
            .Aggregate(start, (chain, column) => chain.Append(context.Transforms.Categorical.OneHotEncoding(column)))
            .Append(context.Transforms.Conversion.MapValue("Label", lookup, "Label"))
            .Append(context.Transforms.Concatenate("Features", features))
            .Append(context.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(data);
    }
}
