// Test-only stub of ML.NET's static pipeline API (Microsoft.ML.StaticPipe, ML.NET 0.x): typed columns,
// the static text reader, ConcatWith and the trainers that take columns.
#nullable disable
using System;

namespace Microsoft.ML.StaticPipe
{
    public abstract class PipelineColumn { }
    public abstract class Scalar<T> : PipelineColumn { }
    public abstract class Vector<T> : PipelineColumn { }

    public abstract class SchemaBearing<TShape>
    {
        public Estimator<TShape, TShape, ITransformer> MakeNewEstimator() => throw new NotImplementedException();
    }

    public sealed class DataReader<TIn, TShape> : SchemaBearing<TShape>
    {
        public DataView<TShape> Read(TIn input) => throw new NotImplementedException();
    }

    public sealed class DataView<TShape> : SchemaBearing<TShape>
    {
        public IDataView AsDynamic { get; }
    }

    public sealed class Estimator<TInShape, TOutShape, TTransformer> : SchemaBearing<TOutShape> where TTransformer : class, ITransformer
    {
        public Estimator<TInShape, TNewOutShape, ITransformer> Append<TNewOutShape>(Func<TOutShape, TNewOutShape> mapper) => throw new NotImplementedException();
        public Transformer<TInShape, TOutShape, TTransformer> Fit(DataView<TInShape> input) => throw new NotImplementedException();
    }

    public sealed class Transformer<TInShape, TOutShape, TTransformer> : SchemaBearing<TOutShape> where TTransformer : class, ITransformer
    {
        public DataView<TOutShape> Transform(DataView<TInShape> input) => throw new NotImplementedException();
        public TTransformer AsDynamic { get; }
    }

    public static class TextLoaderStatic
    {
        public static DataReader<IMultiStreamSource, TShape> CreateReader<TShape>(IHostEnvironment env, Func<Context, TShape> func, IMultiStreamSource files = null, char separator = '\t', bool hasHeader = false, bool allowQuoting = true, bool allowSparse = true, bool trimWhitspace = false) => throw new NotImplementedException();

        public sealed class Context
        {
            public Scalar<bool> LoadBool(int ordinal) => throw new NotImplementedException();
            public Vector<bool> LoadBool(int minOrdinal, int? maxOrdinal) => throw new NotImplementedException();
            public Scalar<float> LoadFloat(int ordinal) => throw new NotImplementedException();
            public Vector<float> LoadFloat(int minOrdinal, int? maxOrdinal) => throw new NotImplementedException();
            public Scalar<double> LoadDouble(int ordinal) => throw new NotImplementedException();
            public Scalar<string> LoadText(int ordinal) => throw new NotImplementedException();
            public Vector<string> LoadText(int minOrdinal, int? maxOrdinal) => throw new NotImplementedException();
        }
    }

    public static class ConcatStaticExtensions
    {
        public static Vector<T> ConcatWith<T>(this Scalar<T> me, params ScalarOrVector<T>[] others) => throw new NotImplementedException();
        public static Vector<T> ConcatWith<T>(this Vector<T> me, params ScalarOrVector<T>[] others) => throw new NotImplementedException();

        public sealed class ScalarOrVector<T>
        {
            private ScalarOrVector() { }
            public static implicit operator ScalarOrVector<T>(Scalar<T> c) => throw new NotImplementedException();
            public static implicit operator ScalarOrVector<T>(Vector<T> c) => throw new NotImplementedException();
        }
    }

    public static class SdcaStaticExtensions
    {
        public static Scalar<float> Sdca(this RegressionCatalog.RegressionTrainers catalog, Scalar<float> label, Vector<float> features, Scalar<float> weights = null, float? l2Const = null, float? l1Threshold = null, int? maxIterations = null) => throw new NotImplementedException();
        public static (Scalar<float> score, Scalar<float> probability, Scalar<bool> predictedLabel) Sdca(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, Scalar<bool> label, Vector<float> features, Scalar<float> weights = null, float? l2Const = null, float? l1Threshold = null, int? maxIterations = null) => throw new NotImplementedException();
    }
}
