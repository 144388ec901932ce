// Trap (field test 5, a Model Builder project): the application's customer record has an age, but the model input that
// Model Builder generated has no age column, the pipeline concatenates every column of that input, and the service maps
// the API request (which asks for no age either) onto it; the customer record is only where the result is stored.
// Nothing that reaches the model is left out: no FG0001 (the age was never collected for it; a data decision, not a
// dropped feature). Mapping the customer record itself onto the input would leave the age out, and is reported.
namespace CreditAssessment.Model;

using Microsoft.ML;
using Microsoft.ML.Data;

public sealed class AssessedCustomer
{
    public string Name { get; set; } = "";
    public int Age { get; set; }
    public double AnnualIncome { get; set; }
    public double OutstandingDebt { get; set; }
    public int PredictedCreditScore { get; set; }
}

public sealed class AssessmentRequest
{
    public string Name { get; set; } = "";
    public float AnnualIncome { get; set; }
    public float OutstandingDebt { get; set; }
    public float DelayedPayments { get; set; }
}

public partial class CreditScoreModel
{
    public class ModelInput
    {
        [ColumnName(@"AnnualIncome")] public float AnnualIncome { get; set; }
        [ColumnName(@"OutstandingDebt")] public float OutstandingDebt { get; set; }
        [ColumnName(@"DelayedPayments")] public float DelayedPayments { get; set; }
        [ColumnName(@"CreditScore")] public float CreditScore { get; set; }
    }

    public class ModelOutput
    {
        [ColumnName(@"Score")] public float Score { get; set; }
    }

    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
    {
        return mlContext.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair(@"AnnualIncome", @"AnnualIncome"), new InputOutputColumnPair(@"OutstandingDebt", @"OutstandingDebt"), new InputOutputColumnPair(@"DelayedPayments", @"DelayedPayments") })
            .Append(mlContext.Transforms.Concatenate(@"Features", new[] { @"AnnualIncome", @"OutstandingDebt", @"DelayedPayments" }))
            .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: @"CreditScore", featureColumnName: @"Features"));
    }

    public static AssessedCustomer Assess(MLContext mlContext, ITransformer model, AssessmentRequest request)
    {
        var engine = mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model);
        var input = new ModelInput { AnnualIncome = request.AnnualIncome, OutstandingDebt = request.OutstandingDebt, DelayedPayments = request.DelayedPayments };
        var score = engine.Predict(input).Score;
        return new AssessedCustomer { Name = request.Name, AnnualIncome = request.AnnualIncome, OutstandingDebt = request.OutstandingDebt, PredictedCreditScore = (int)score };
    }
}
