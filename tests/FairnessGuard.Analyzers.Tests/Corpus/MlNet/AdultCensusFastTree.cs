// Adult census income, as in many ML.NET samples: the protected columns are loaded, then left out of the features.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdultCensus;

public class AdultData
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public string Workclass { get; set; } = "";
    [LoadColumn(3)] public string Education { get; set; } = "";
    [LoadColumn(5), ColumnName("marital-status")] public string MaritalStatus { get; set; } = "";
    [LoadColumn(6)] public string Occupation { get; set; } = "";
    [LoadColumn(7)] public string Relationship { get; set; } = "";
    [LoadColumn(8)] public string Race { get; set; } = "";
    [LoadColumn(9)] public string Sex { get; set; } = "";
    [LoadColumn(12), ColumnName("hours-per-week")] public float HoursPerWeek { get; set; }
    [LoadColumn(13), ColumnName("native-country")] public string NativeCountry { get; set; } = "";
    [LoadColumn(14), ColumnName("Label")] public bool Income { get; set; }
}

public static class ModelBuilder
{
    public static ITransformer Build(MLContext mlContext, string trainPath)
    {
        IDataView trainingData = mlContext.Data.LoadFromTextFile<AdultData>(trainPath, ',', hasHeader: true);
        var pipeline = mlContext.Transforms.Categorical.OneHotEncoding("WorkclassEncoded", "Workclass")
            .Append(mlContext.Transforms.Categorical.OneHotEncoding("EducationEncoded", "Education"))
            .Append(mlContext.Transforms.Categorical.OneHotEncoding("OccupationEncoded", "Occupation"))
            .Append(mlContext.Transforms.Categorical.OneHotEncoding("RelationshipEncoded", {|FG0002:"Relationship"|}))
            .Append({|FG0001:{|FG0001:{|FG0001:{|FG0001:{|FG0001:mlContext.Transforms.Concatenate("Features", "WorkclassEncoded", "EducationEncoded", "OccupationEncoded", "RelationshipEncoded", "hours-per-week")|}|}|}|}|})
            .Append(mlContext.BinaryClassification.Trainers.FastTree(numberOfLeaves: 50, numberOfTrees: 100));
        return pipeline.Fit(trainingData);
    }
}
