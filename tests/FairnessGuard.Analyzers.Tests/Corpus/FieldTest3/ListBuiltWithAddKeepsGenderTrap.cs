// Field test 3, trap: the feature list is a List<string> that starts with the numeric columns and gets the encoded
// categorical columns one Add at a time, the gender among them. Nothing sensitive is left out: no FG0001
// (the gender's use is FG0004, opt-in).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn;

public class Subscriber
{
    [LoadColumn(0)] public bool Left { get; set; }
    [LoadColumn(1)] public float MonthsActive { get; set; }
    [LoadColumn(2)] public float MonthlySpend { get; set; }
    [LoadColumn(3)] public string Plan { get; set; } = "";
    [LoadColumn(4)] public string Gender { get; set; } = "";
}

public static class ChurnModel
{
    public static ITransformer Train(MLContext ml, IDataView data)
    {
        var columns = new List<string> { nameof(Subscriber.MonthsActive), nameof(Subscriber.MonthlySpend) };
        columns.Add(nameof(Subscriber.Plan) + "-OHE");
        columns.Add({|FG0004:nameof(Subscriber.Gender) + "-OHE"|});
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(new[]
            {
                new InputOutputColumnPair(nameof(Subscriber.Plan) + "-OHE", nameof(Subscriber.Plan)),
                new InputOutputColumnPair(nameof(Subscriber.Gender) + "-OHE", nameof(Subscriber.Gender)),
            })
            .Append(ml.Transforms.Concatenate("Features", columns.ToArray()))
            .Append(ml.BinaryClassification.Trainers.LightGbm(labelColumnName: nameof(Subscriber.Left)));
        return pipeline.Fit(data);
    }
}
