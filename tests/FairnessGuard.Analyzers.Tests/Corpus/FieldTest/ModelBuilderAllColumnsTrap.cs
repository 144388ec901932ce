// ML.NET Model Builder's generated shape with every column ticked: age and gender are features (FG0004, opt-in), the
// rest as in ModelBuilderDropsAgeGender. No FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace LoanApp2_ML;

public partial class MLModel
{
    public class ModelInput
    {
        [LoadColumn(0)][ColumnName(@"Income")] public float Income { get; set; }
        [LoadColumn(1)][ColumnName(@"Debt")] public float Debt { get; set; }
        [LoadColumn(2)][ColumnName(@"Employment")] public string Employment { get; set; } = "";
        [LoadColumn(3)][ColumnName(@"Age")] public float Age { get; set; }
        [LoadColumn(4)][ColumnName(@"Gender")] public string Gender { get; set; } = "";
        [LoadColumn(5)][ColumnName(@"Approved")] public string Approved { get; set; } = "";
    }

    public static IDataView LoadIDataViewFromFile(MLContext mlContext, string inputDataFilePath, char separator, bool hasHeader, bool allowQuoting)
        => mlContext.Data.LoadFromTextFile<ModelInput>(inputDataFilePath, separator, hasHeader, allowQuoting: allowQuoting);

    public static ITransformer RetrainModel(MLContext mlContext, IDataView trainData)
    {
        var pipeline = BuildPipeline(mlContext);
        return pipeline.Fit(trainData);
    }

    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
    {
        var pipeline = mlContext.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair(@"Income", @"Income"), new InputOutputColumnPair(@"Debt", @"Debt") })
                                .Append(mlContext.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair(@"Employment", @"Employment") }, outputKind: OneHotEncodingEstimator.OutputKind.Indicator))
                                .Append(mlContext.Transforms.Concatenate(@"Features", new[] { @"Income", @"Debt", @"Employment", {|FG0004:@"Age"|}, {|FG0004:@"Gender"|} }))
                                .Append(mlContext.Transforms.Conversion.MapValueToKey(outputColumnName: @"Approved", inputColumnName: @"Approved"))
                                .Append(mlContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options() { NumberOfLeaves = 4, LabelColumnName = @"Approved", FeatureColumnName = @"Features" }))
                                .Append(mlContext.Transforms.Conversion.MapKeyToValue(outputColumnName: @"PredictedLabel", inputColumnName: @"PredictedLabel"));
        return pipeline;
    }
}
