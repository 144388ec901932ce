// Test-only stub of ML.NET's transforms catalog (Microsoft.ML.TransformsCatalog and its extension classes).
#nullable disable
using System;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML
{
    public sealed class TransformsCatalog
    {
        public CategoricalTransforms Categorical { get; }
        public ConversionTransforms Conversion { get; }
        public TextTransforms Text { get; }
        public sealed class CategoricalTransforms { }
        public sealed class ConversionTransforms { }
        public sealed class TextTransforms { }
    }

    public readonly struct InputOutputColumnPair
    {
        public InputOutputColumnPair(string outputColumnName, string inputColumnName = null) { }
    }

    public static class TransformExtensionsCatalog
    {
        public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, string outputColumnName, string inputColumnName) => throw new NotImplementedException();
        public static ColumnConcatenatingEstimator Concatenate(this TransformsCatalog catalog, string outputColumnName, params string[] inputColumnNames) => throw new NotImplementedException();
        public static ColumnSelectingEstimator DropColumns(this TransformsCatalog catalog, params string[] columnNames) => throw new NotImplementedException();
        public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, params string[] columnNames) => throw new NotImplementedException();
        public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, string[] columnNames, bool keepHidden) => throw new NotImplementedException();
        public static CustomMappingEstimator<TSrc, TDst> CustomMapping<TSrc, TDst>(this TransformsCatalog catalog, Action<TSrc, TDst> mapAction, string contractName, SchemaDefinition inputSchemaDefinition = null, SchemaDefinition outputSchemaDefinition = null) where TSrc : class, new() where TDst : class, new() => throw new NotImplementedException();
    }

    public static class NormalizationCatalog
    {
        public static NormalizingEstimator NormalizeMinMax(this TransformsCatalog catalog, string outputColumnName, string inputColumnName = null, long maximumExampleCount = 1000000000, bool fixZero = true) => throw new NotImplementedException();
        public static NormalizingEstimator NormalizeMeanVariance(this TransformsCatalog catalog, string outputColumnName, string inputColumnName = null, long maximumExampleCount = 1000000000, bool fixZero = true, bool useCdf = false) => throw new NotImplementedException();
    }

    public static class CategoricalCatalog
    {
        public static OneHotEncodingEstimator OneHotEncoding(this TransformsCatalog.CategoricalTransforms catalog, string outputColumnName, string inputColumnName = null, OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.OutputKind.Indicator, int maximumNumberOfKeys = 1000000) => throw new NotImplementedException();
        public static OneHotEncodingEstimator OneHotEncoding(this TransformsCatalog.CategoricalTransforms catalog, InputOutputColumnPair[] columns, OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.OutputKind.Indicator) => throw new NotImplementedException();
        public static OneHotHashEncodingEstimator OneHotHashEncoding(this TransformsCatalog.CategoricalTransforms catalog, string outputColumnName, string inputColumnName = null, OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.OutputKind.Indicator, int numberOfBits = 16) => throw new NotImplementedException();
    }

    public static class ConversionsExtensionsCatalog
    {
        public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string inputColumnName = null, int maximumNumberOfKeys = 1000000, bool addKeyValueAnnotationsAsText = false) => throw new NotImplementedException();
        public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string inputColumnName = null) => throw new NotImplementedException();
        public static TypeConvertingEstimator ConvertType(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string inputColumnName = null, DataKind outputKind = DataKind.Single) => throw new NotImplementedException();
    }

    public static class TextCatalog
    {
        public static TextFeaturizingEstimator FeaturizeText(this TransformsCatalog.TextTransforms catalog, string outputColumnName, string inputColumnName = null) => throw new NotImplementedException();
    }
}

namespace Microsoft.ML.Transforms
{
    public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
    {
        public TTransformer Fit(IDataView input) => throw new NotImplementedException();
    }

    public sealed class StubTransformer : ITransformer
    {
        public IDataView Transform(IDataView input) => throw new NotImplementedException();
    }

    public sealed class ColumnConcatenatingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class ColumnCopyingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class ColumnSelectingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class NormalizingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class OneHotHashEncodingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class ValueToKeyMappingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class KeyToValueMappingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class TypeConvertingEstimator : TrivialEstimator<StubTransformer> { }
    public sealed class CustomMappingEstimator<TSrc, TDst> : TrivialEstimator<StubTransformer> where TSrc : class, new() where TDst : class, new() { }

    public sealed class OneHotEncodingEstimator : TrivialEstimator<StubTransformer>
    {
        public enum OutputKind : byte { Bag = 1, Indicator = 2, Key = 3, Binary = 4 }
    }
}

namespace Microsoft.ML.Transforms.Text
{
}

namespace Microsoft.ML.Transforms
{
    public sealed class TextFeaturizingEstimator : TrivialEstimator<StubTransformer> { }
}
