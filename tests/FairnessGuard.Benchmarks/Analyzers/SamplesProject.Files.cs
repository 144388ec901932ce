using System.Globalization;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>The seven sample shapes of <see cref="SamplesProject"/>, after Microsoft.ML.Samples' <c>Dynamic</c> examples.</summary>
public static partial class SamplesProject
{
    private static string Normalizer(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example()
            {
                var mlContext = new MLContext(seed: {{i}});
                var samples = new List<DataPoint{{i}}>
                {
                    new() { Features = new float[] { 1, 1, 3, 0 } },
                    new() { Features = new float[] { 2, 2, 2, 0 } },
                    new() { Features = new float[] { 0, 0, 1, 0 } },
                    new() { Features = new float[] { -1, -1, -1, 1 } },
                };
                var data = mlContext.Data.LoadFromEnumerable(samples);
                var pipeline = mlContext.Transforms.NormalizeMinMax("Features", fixZero: false);
                var transformed = pipeline.Fit(data).Transform(data);
                foreach (var row in mlContext.Data.CreateEnumerable<DataPoint{{i}}>(transformed, reuseRowObject: false))
                {
                    Console.WriteLine(string.Join("\t", row.Features.Select(f => f.ToString("F4"))));
                }
            }

            private sealed class DataPoint{{i}}
            {
                [VectorType(4)]
                public float[] Features { get; set; } = Array.Empty<float>();
            }
        }
        """);

    private static string BinaryTrainer(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example()
            {
                var mlContext = new MLContext(seed: 0);
                var trainingData = mlContext.Data.LoadFromEnumerable(GenerateRandomDataPoints(1000));
                var pipeline = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression();
                var model = pipeline.Fit(trainingData);
                var testData = mlContext.Data.LoadFromEnumerable(GenerateRandomDataPoints(500, seed: 123));
                var transformed = model.Transform(testData);
                foreach (var p in mlContext.Data.CreateEnumerable<Prediction>(transformed, reuseRowObject: false).Take(5))
                {
                    Console.WriteLine($"Label: {p.Label}, Prediction: {p.PredictedLabel}");
                }

                var metrics = mlContext.BinaryClassification.Evaluate(transformed);
                Console.WriteLine($"Accuracy: {metrics.Accuracy:F2}, AUC: {metrics.AreaUnderRocCurve:F2}, F1: {metrics.F1Score:F2}");
            }

            private static IEnumerable<DataPoint> GenerateRandomDataPoints(int count, int seed = 0)
            {
                var random = new Random(seed);
                for (var i = 0; i < count; i++)
                {
                    var label = random.NextDouble() > 0.5;
                    yield return new DataPoint
                    {
                        Label = label,
                        Features = Enumerable.Repeat(label, 50).Select(x => x ? (float)random.NextDouble() : (float)random.NextDouble() + 0.03f).ToArray(),
                    };
                }
            }

            private sealed class DataPoint
            {
                public bool Label { get; set; }

                [VectorType(50)]
                public float[] Features { get; set; } = Array.Empty<float>();
            }

            private sealed class Prediction
            {
                public bool Label { get; set; }

                public bool PredictedLabel { get; set; }
            }
        }
        """);

    private static string RegressionWithOptions(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example()
            {
                var mlContext = new MLContext(seed: 0);
                var trainingData = mlContext.Data.LoadFromEnumerable(GenerateRandomDataPoints(1000));
                var options = new SdcaRegressionTrainer.Options
                {
                    LabelColumnName = nameof(DataPoint.Label),
                    FeatureColumnName = nameof(DataPoint.Features),
                    ConvergenceTolerance = 0.02f,
                    MaximumNumberOfIterations = 30,
                    BiasLearningRate = 0.1f,
                };
                var model = mlContext.Regression.Trainers.Sdca(options).Fit(trainingData);
                var transformed = model.Transform(mlContext.Data.LoadFromEnumerable(GenerateRandomDataPoints(5, seed: 123)));
                var metrics = mlContext.Regression.Evaluate(transformed);
                Console.WriteLine($"MAE: {metrics.MeanAbsoluteError:F2}, RMSE: {metrics.RootMeanSquaredError:F2}, R2: {metrics.RSquared:F2}");
            }

            private static IEnumerable<DataPoint> GenerateRandomDataPoints(int count, int seed = 0)
            {
                var random = new Random(seed);
                for (var i = 0; i < count; i++)
                {
                    var label = (float)random.NextDouble();
                    yield return new DataPoint { Label = label, Features = Enumerable.Repeat(label, 50).Select(x => x + (float)random.NextDouble()).ToArray() };
                }
            }

            private sealed class DataPoint
            {
                public float Label { get; set; }

                [VectorType(50)]
                public float[] Features { get; set; } = Array.Empty<float>();
            }
        }
        """);

    private static string Text(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example()
            {
                var mlContext = new MLContext();
                var samples = new List<TextData>
                {
                    new() { Text = "ML.NET's FeaturizeText API uses a composition of several basic transforms." },
                    new() { Text = "This API can be used as a featurizer to perform text classification." },
                    new() { Text = "There are a number of approaches to text classification." },
                };
                var dataview = mlContext.Data.LoadFromEnumerable(samples);
                var pipeline = mlContext.Transforms.Text.FeaturizeText("FeaturesText{{i}}", "Text");
                var engine = mlContext.Model.CreatePredictionEngine<TextData, TransformedTextData>(pipeline.Fit(dataview));
                var prediction = engine.Predict(samples[0]);
                Console.WriteLine($"Number of Features: {prediction.FeaturesText{{i}}.Length}");
                for (var i = 0; i < 10; i++)
                {
                    Console.Write($"{prediction.FeaturesText{{i}}[i]:F4}  ");
                }
            }

            private class TextData
            {
                public string Text { get; set; } = "";
            }

            private sealed class TransformedTextData : TextData
            {
                public float[] FeaturesText{{i}} { get; set; } = Array.Empty<float>();
            }
        }
        """);

    private static string Multiclass(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example()
            {
                var mlContext = new MLContext(seed: 0);
                var trainingData = mlContext.Data.LoadFromEnumerable(GenerateRandomDataPoints(1000));
                var pipeline = mlContext.Transforms.Conversion.MapValueToKey(nameof(DataPoint.Label))
                    .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy())
                    .Append(mlContext.Transforms.Conversion.MapKeyToValue(nameof(DataPoint.Label)));
                var model = pipeline.Fit(trainingData);
                var transformed = model.Transform(mlContext.Data.LoadFromEnumerable(GenerateRandomDataPoints(500, seed: 123)));
                var metrics = mlContext.MulticlassClassification.Evaluate(transformed);
                Console.WriteLine($"Micro accuracy: {metrics.MicroAccuracy:F2}, log-loss: {metrics.LogLoss:F2}");
            }

            private static IEnumerable<DataPoint> GenerateRandomDataPoints(int count, int seed = 0)
            {
                var random = new Random(seed);
                for (var i = 0; i < count; i++)
                {
                    var label = random.Next(1, 4);
                    yield return new DataPoint
                    {
                        Label = (uint)label,
                        Features = Enumerable.Repeat(label, 20).Select(x => (float)random.NextDouble() + (x * 0.2f)).ToArray(),
                    };
                }
            }

            private sealed class DataPoint
            {
                public uint Label { get; set; }

                [VectorType(20)]
                public float[] Features { get; set; } = Array.Empty<float>();
            }
        }
        """);

    private static string OneHot(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example()
            {
                var mlContext = new MLContext();
                var samples = new List<HouseData>
                {
                    new() { Size = 1.1f, Rooms = 2, Neighborhood = "North", Price = 1.2f },
                    new() { Size = 1.9f, Rooms = 3, Neighborhood = "South", Price = 2.3f },
                    new() { Size = 2.8f, Rooms = 4, Neighborhood = "North", Price = 3.0f },
                };
                var data = mlContext.Data.LoadFromEnumerable(samples);
                var pipeline = mlContext.Transforms.Categorical.OneHotEncoding("NeighborhoodEncoded", nameof(HouseData.Neighborhood))
                    .Append(mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), "NeighborhoodEncoded"))
                    .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price), maximumNumberOfIterations: 10));
                var model = pipeline.Fit(data);
                var engine = mlContext.Model.CreatePredictionEngine<HouseData, PricePrediction>(model);
                Console.WriteLine($"Predicted price: {engine.Predict(new HouseData { Size = 2.5f, Rooms = 3, Neighborhood = "South" }).Score:F2}");
            }

            private class HouseData
            {
                public float Size { get; set; }

                public float Rooms { get; set; }

                public string Neighborhood { get; set; } = "";

                public float Price { get; set; }
            }

            private sealed class PricePrediction
            {
                public float Score { get; set; }
            }
        }
        """);

    private static string LoadedTable(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        public static class Sample{{i}}
        {
            public static void Example(string path)
            {
                var mlContext = new MLContext(seed: 1);
                var data = mlContext.Data.LoadFromTextFile<AdultData>(path, separatorChar: ',', hasHeader: true);
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var pipeline = mlContext.Transforms.Categorical.OneHotEncoding("EducationEncoded", nameof(AdultData.Education))
                    .Append(mlContext.Transforms.Concatenate("Features", nameof(AdultData.Age), nameof(AdultData.HoursPerWeek), "EducationEncoded"))
                    .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
                var model = pipeline.Fit(split.TrainSet);
                var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine($"Accuracy: {metrics.Accuracy:F2}");
            }

            private sealed class AdultData
            {
                [LoadColumn(0)] public float Age { get; set; }
                [LoadColumn(1)] public string Education { get; set; } = "";
                [LoadColumn(2)] public float HoursPerWeek { get; set; }
                [LoadColumn(3)] public string Gender { get; set; } = "";
                [LoadColumn(4), ColumnName("Label")] public bool Over50K { get; set; }
            }
        }
        """);
}
