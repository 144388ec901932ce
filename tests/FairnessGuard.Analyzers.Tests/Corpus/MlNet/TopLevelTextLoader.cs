// A console sample with top-level statements and a TextLoader column list.
using Microsoft.ML;
using Microsoft.ML.Data;

var mlContext = new MLContext(seed: 1);
var loader = mlContext.Data.CreateTextLoader(new[]
{
    new TextLoader.Column("Tenure", DataKind.Single, 0),
    new TextLoader.Column("MonthlyCharges", DataKind.Single, 1),
    new TextLoader.Column("SeniorCitizen", DataKind.Boolean, 2),
    new TextLoader.Column("DateOfBirth", DataKind.String, 3),
    new TextLoader.Column("Label", DataKind.Boolean, 4),
}, separatorChar: ',', hasHeader: true);

var data = loader.Load("credit-limit.csv");
var pipeline = {|FG0001:{|FG0001:mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges")|}|}
    .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 20));
var model = pipeline.Fit(data);
mlContext.Model.Save(model, data.Schema, "model.zip");
