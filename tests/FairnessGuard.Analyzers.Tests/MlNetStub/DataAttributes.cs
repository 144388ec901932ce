// Test-only stub of ML.NET's data attributes and text loader (namespace Microsoft.ML.Data).
#nullable disable
using System;

namespace Microsoft.ML.Data
{
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class LoadColumnAttribute : Attribute
    {
        public LoadColumnAttribute(int fieldIndex) { }
        public LoadColumnAttribute(int start, int end) { }
        public LoadColumnAttribute(int[] columnIndexes) { }
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class ColumnNameAttribute : Attribute
    {
        public ColumnNameAttribute(string name) { Name = name; }
        public string Name { get; }
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class NoColumnAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class VectorTypeAttribute : Attribute
    {
        public VectorTypeAttribute() { }
        public VectorTypeAttribute(int size) { }
    }

    public enum DataKind : byte { SByte = 1, Byte = 2, Int16 = 3, UInt16 = 4, Int32 = 5, UInt32 = 6, Int64 = 7, UInt64 = 8, Single = 9, Double = 10, String = 11, Boolean = 12, TimeSpan = 13, DateTime = 14, DateTimeOffset = 15 }

    public sealed class TextLoader : IDataLoader<IMultiStreamSource>
    {
        public IDataView Load(IMultiStreamSource source) => throw new NotImplementedException();

        public sealed class Column
        {
            public Column() { }
            public Column(string name, DataKind dataKind, int index) { }
            public Column(string name, DataKind dataKind, int minIndex, int maxIndex) { }
            public string Name;
        }
    }

    public interface IDataLoader<in TSource> { IDataView Load(TSource input); }

    public static class TextLoaderExtensions
    {
        public static IDataView Load(this TextLoader loader, string path) => throw new NotImplementedException();
    }

    public sealed class CalibratedBinaryClassificationMetrics
    {
        public double Accuracy { get; }
        public double AreaUnderRocCurve { get; }
        public double F1Score { get; }
    }

    public sealed class RegressionMetrics
    {
        public double RSquared { get; }
        public double RootMeanSquaredError { get; }
    }

    public sealed class MulticlassClassificationMetrics
    {
        public double MacroAccuracy { get; }
    }
}
