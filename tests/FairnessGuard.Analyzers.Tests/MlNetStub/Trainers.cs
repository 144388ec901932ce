// Test-only stub of ML.NET's training catalogs and trainers (Microsoft.ML, Microsoft.ML.Trainers).
#nullable disable
using System;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Microsoft.ML
{
    public sealed class BinaryClassificationCatalog
    {
        public BinaryClassificationTrainers Trainers { get; }
        public sealed class BinaryClassificationTrainers { }
        public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score", string probabilityColumnName = "Probability", string predictedLabelColumnName = "PredictedLabel") => throw new NotImplementedException();
    }

    public sealed class RegressionCatalog
    {
        public RegressionTrainers Trainers { get; }
        public sealed class RegressionTrainers { }
        public RegressionMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score") => throw new NotImplementedException();
    }

    public sealed class MulticlassClassificationCatalog
    {
        public MulticlassClassificationTrainers Trainers { get; }
        public sealed class MulticlassClassificationTrainers { }
        public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel", int topKPredictionCount = 0) => throw new NotImplementedException();
    }

    public static class StandardTrainersCatalog
    {
        public static SdcaLogisticRegressionBinaryTrainer SdcaLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, SdcaLogisticRegressionBinaryTrainer.Options options) => throw new NotImplementedException();
        public static SdcaLogisticRegressionBinaryTrainer SdcaLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, float? l2Regularization = null, float? l1Regularization = null, int? maximumNumberOfIterations = null) => throw new NotImplementedException();
        public static LbfgsLogisticRegressionBinaryTrainer LbfgsLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, float l1Regularization = 1f, float l2Regularization = 1f, float optimizationTolerance = 1e-07f, int historySize = 20, bool enforceNonNegativity = false) => throw new NotImplementedException();
        public static AveragedPerceptronTrainer AveragedPerceptron(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", IClassificationLoss lossFunction = null, float learningRate = 1f, bool decreaseLearningRate = false, float l2Regularization = 0f, int numberOfIterations = 10) => throw new NotImplementedException();
        public static SdcaRegressionTrainer Sdca(this RegressionCatalog.RegressionTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, ISupportSdcaRegressionLoss lossFunction = null, float? l2Regularization = null, float? l1Regularization = null, int? maximumNumberOfIterations = null) => throw new NotImplementedException();
        public static SdcaMaximumEntropyMulticlassTrainer SdcaMaximumEntropy(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, float? l2Regularization = null, float? l1Regularization = null, int? maximumNumberOfIterations = null) => throw new NotImplementedException();
    }

    public static class TreeExtensions
    {
        public static FastTreeBinaryTrainer FastTree(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, int numberOfLeaves = 20, int numberOfTrees = 100, int minimumExampleCountPerLeaf = 10, double learningRate = 0.2) => throw new NotImplementedException();
        public static FastTreeRegressionTrainer FastTree(this RegressionCatalog.RegressionTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, int numberOfLeaves = 20, int numberOfTrees = 100, int minimumExampleCountPerLeaf = 10, double learningRate = 0.2) => throw new NotImplementedException();
        public static FastForestBinaryTrainer FastForest(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", string exampleWeightColumnName = null, int numberOfLeaves = 20, int numberOfTrees = 100, int minimumExampleCountPerLeaf = 10) => throw new NotImplementedException();
    }
}

namespace Microsoft.ML.Trainers
{
    public interface IClassificationLoss { }
    public interface ISupportSdcaRegressionLoss { }

    public abstract class TrainerEstimatorBase : IEstimator<PredictionTransformer>
    {
        public PredictionTransformer Fit(IDataView input) => throw new NotImplementedException();
    }

    public sealed class PredictionTransformer : ITransformer
    {
        public IDataView Transform(IDataView input) => throw new NotImplementedException();
    }

    public sealed class SdcaLogisticRegressionBinaryTrainer : TrainerEstimatorBase { public sealed class Options { public string LabelColumnName { get; set; } = "Label"; public string FeatureColumnName { get; set; } = "Features"; public int? MaximumNumberOfIterations { get; set; } } }
    public sealed class LbfgsLogisticRegressionBinaryTrainer : TrainerEstimatorBase { }
    public sealed class AveragedPerceptronTrainer : TrainerEstimatorBase { }
    public sealed class SdcaRegressionTrainer : TrainerEstimatorBase { }
    public sealed class SdcaMaximumEntropyMulticlassTrainer : TrainerEstimatorBase { }
}

namespace Microsoft.ML.Trainers.FastTree
{
    public sealed class FastTreeBinaryTrainer : Microsoft.ML.Trainers.TrainerEstimatorBase { }
    public sealed class FastTreeRegressionTrainer : Microsoft.ML.Trainers.TrainerEstimatorBase { }
    public sealed class FastForestBinaryTrainer : Microsoft.ML.Trainers.TrainerEstimatorBase { }
}
