// Titanic survival: name, ticket and cabin are dropped, sex and age are features. No FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Titanic;

public class Passenger
{
    [LoadColumn(0)] public float PassengerId { get; set; }
    [LoadColumn(1), ColumnName("Label")] public bool Survived { get; set; }
    [LoadColumn(2)] public float Pclass { get; set; }
    [LoadColumn(3)] public string Name { get; set; } = "";
    [LoadColumn(4)] public string Sex { get; set; } = "";
    [LoadColumn(5)] public float Age { get; set; }
    [LoadColumn(6)] public float Fare { get; set; }
    [LoadColumn(7)] public string Ticket { get; set; } = "";
    [LoadColumn(8)] public string Cabin { get; set; } = "";
}

public static class SurvivalModel
{
    public static ITransformer Fit(MLContext ml, IDataView train)
    {
        var pipeline = ml.Transforms.DropColumns(nameof(Passenger.Name), nameof(Passenger.Ticket), nameof(Passenger.Cabin))
            .Append(ml.Transforms.Categorical.OneHotEncoding("SexEncoded", {|FG0004:nameof(Passenger.Sex)|}))
            .Append(ml.Transforms.ReplaceMissingValues("Age"))
            .Append(ml.Transforms.Concatenate("Features", "Pclass", "SexEncoded", {|FG0004:"Age"|}, "Fare"))
            .Append(ml.BinaryClassification.Trainers.FastForest());
        return pipeline.Fit(train);
    }
}
