// Test-only stub of the ML.NET API surface the analyzer recognises (Microsoft.ML 3.x/4.x namespaces and
// signatures). Compiled in memory into an assembly named Microsoft.ML; never executed.
#nullable disable
using System;
using System.Collections.Generic;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    public interface IDataView { DataViewSchema Schema { get; } }
    public sealed class DataViewSchema { }
    public interface ITransformer { IDataView Transform(IDataView input); }
    public interface IEstimator<out TTransformer> where TTransformer : ITransformer { TTransformer Fit(IDataView input); }
    public enum TransformerScope { None = 0, Training = 1, Testing = 2, Everything = 3 }

    public sealed class MLContext : IHostEnvironment
    {
        public MLContext(int? seed = null) { }
        public DataOperationsCatalog Data { get; }
        public TransformsCatalog Transforms { get; }
        public BinaryClassificationCatalog BinaryClassification { get; }
        public RegressionCatalog Regression { get; }
        public MulticlassClassificationCatalog MulticlassClassification { get; }
        public ModelOperationsCatalog Model { get; }
    }

    public sealed class DataOperationsCatalog
    {
        public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition schemaDefinition = null) where TRow : class => throw new NotImplementedException();
        public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false, SchemaDefinition schemaDefinition = null) where TRow : class, new() => throw new NotImplementedException();
        public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string samplingKeyColumnName = null, int? seed = null) => throw new NotImplementedException();
        public IDataView FilterRowsByColumn(IDataView input, string columnName, double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity) => throw new NotImplementedException();

        public readonly struct TrainTestData
        {
            public IDataView TrainSet { get; }
            public IDataView TestSet { get; }
        }
    }

    public sealed class SchemaDefinition { }

    public static class TextLoaderSaverCatalog
    {
        public static IDataView LoadFromTextFile<TInput>(this DataOperationsCatalog catalog, string path, char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false) => throw new NotImplementedException();
        public static IDataView LoadFromTextFile(this DataOperationsCatalog catalog, string path, TextLoader.Column[] columns, char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false) => throw new NotImplementedException();
        public static TextLoader CreateTextLoader(this DataOperationsCatalog catalog, TextLoader.Column[] columns, char separatorChar = '\t', bool hasHeader = false, IMultiStreamSource dataSample = null, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false) => throw new NotImplementedException();
        public static TextLoader CreateTextLoader<TInput>(this DataOperationsCatalog catalog, char separatorChar = '\t', bool hasHeader = false, IMultiStreamSource dataSample = null, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false) => throw new NotImplementedException();
    }

    public interface IMultiStreamSource { }

    public sealed class ModelOperationsCatalog
    {
        public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true, SchemaDefinition inputSchemaDefinition = null, SchemaDefinition outputSchemaDefinition = null) where TSrc : class where TDst : class, new() => throw new NotImplementedException();
        public void Save(ITransformer model, DataViewSchema inputSchema, string filePath) => throw new NotImplementedException();
        public ITransformer Load(string filePath, out DataViewSchema inputSchema) => throw new NotImplementedException();
    }

    public class PredictionEngineBase<TSrc, TDst> : IDisposable where TSrc : class where TDst : class, new()
    {
        public void Dispose() { }
    }

    public sealed class PredictionEngine<TSrc, TDst> : PredictionEngineBase<TSrc, TDst> where TSrc : class where TDst : class, new()
    {
        public TDst Predict(TSrc example) => throw new NotImplementedException();
        public void Predict(TSrc example, ref TDst prediction) => throw new NotImplementedException();
    }

    public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>> where TLastTransformer : class, ITransformer
    {
        public TransformerChain<TLastTransformer> Fit(IDataView input) => throw new NotImplementedException();
        public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator, TransformerScope scope = TransformerScope.Everything) where TNewTrans : class, ITransformer => throw new NotImplementedException();
        public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(IHostEnvironment env) => throw new NotImplementedException();
    }

    public interface IHostEnvironment { }

    public static class LearningPipelineExtensions
    {
        public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator, TransformerScope scope = TransformerScope.Everything) where TTrans : class, ITransformer => throw new NotImplementedException();
        public static EstimatorChain<ITransformer> AppendCacheCheckpoint<TTrans>(this IEstimator<TTrans> start, IHostEnvironment env) where TTrans : class, ITransformer => throw new NotImplementedException();
    }
}

namespace Microsoft.ML.Data
{
    public sealed class TransformerChain<TLastTransformer> : ITransformer where TLastTransformer : class, ITransformer
    {
        public TLastTransformer LastTransformer { get; }
        public IDataView Transform(IDataView input) => throw new NotImplementedException();
    }
}
