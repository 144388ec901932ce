// Trap (issue 14.3): nameof(Row.X) in InputOutputColumnPair lists is a column name, not a read of the entity,
// and every column, Sex included, reaches the features (FG0004 reports the direct use).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Census.Encoding;

public sealed class CensusRow
{
    [LoadColumn(0)] public float HoursPerWeek { get; set; }
    [LoadColumn(1)] public string Occupation { get; set; } = "";
    [LoadColumn(2)] public string Sex { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool HighIncome { get; set; }
}

public static class IncomeModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<CensusRow>(path, ',', hasHeader: true);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(new[]
            {
                new InputOutputColumnPair(nameof(CensusRow.Occupation)),
                new InputOutputColumnPair(nameof(CensusRow.Sex)),
            })
            .Append(ml.Transforms.Concatenate("Features", nameof(CensusRow.HoursPerWeek), nameof(CensusRow.Occupation), {|FG0004:nameof(CensusRow.Sex)|}))
            .Append(ml.BinaryClassification.Trainers.FastTree());
        return pipeline.Fit(data);
    }
}
