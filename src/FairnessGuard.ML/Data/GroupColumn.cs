using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML.Data;

/// <summary>The value kinds a group column may have; anything else is rejected when the schema is bound.</summary>
internal enum GroupKind : byte
{
    Text = 1,
    Boolean = 2,
    Single = 3,
    Double = 4,
    Int32 = 5,
    Int64 = 6,
    Key = 7,
}

/// <summary>
/// The values of one group column seen in calibration, in order of first appearance. Values are kept as
/// invariant strings (what is saved) and looked up through a typed dictionary at prediction time, so the
/// hot path allocates nothing. A missing value (empty text, NaN, key 0) has no index.
/// </summary>
internal sealed class GroupVocabulary
{
    // Up to this many text values a scan of length- and first-character-checked compares beats hashing the text.
    private const int ScanLimit = 8;
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public GroupVocabulary(string columnName, GroupKind kind)
    {
        ColumnName = columnName;
        Kind = kind;
    }

    public string ColumnName { get; }

    public GroupKind Kind { get; }

    public IReadOnlyList<string> Values => _values;

    public int Count => _values.Count;

    public int Add(string value)
    {
        if (!_byText.TryGetValue(value, out var index))
        {
            index = _values.Count;
            _values.Add(value);
            _byText.Add(value, index);
        }

        return index;
    }

    public int IndexOf(string value) => _byText.TryGetValue(value, out var index) ? index : -1;

    public static GroupKind KindOf(DataViewSchema.Column column) => column.Type switch
    {
        TextDataViewType => GroupKind.Text,
        BooleanDataViewType => GroupKind.Boolean,
        KeyDataViewType => GroupKind.Key,
        _ when column.Type == NumberDataViewType.Single => GroupKind.Single,
        _ when column.Type == NumberDataViewType.Double => GroupKind.Double,
        _ when column.Type == NumberDataViewType.Int32 => GroupKind.Int32,
        _ when column.Type == NumberDataViewType.Int64 => GroupKind.Int64,
        _ => throw new ArgumentException(
            $"Group column '{column.Name}' has type {column.Type}; a group column must be text, boolean, a key, or a Single/Double/Int32/Int64 scalar."),
    };

    /// <summary>A getter of the group value as an invariant string, null when missing (fit and evaluation time; allocates).</summary>
    public static Func<string?> TextReader(DataViewRow row, DataViewSchema.Column column)
    {
        var c = CultureInfo.InvariantCulture;
        switch (KindOf(column))
        {
            case GroupKind.Text:
                {
                    var get = row.GetGetter<ReadOnlyMemory<char>>(column);
                    ReadOnlyMemory<char> v = default;
                    return () => { get(ref v); return v.IsEmpty ? null : v.ToString(); };
                }

            case GroupKind.Boolean:
                {
                    var get = row.GetGetter<bool>(column);
                    var v = false;
                    return () => { get(ref v); return v ? "True" : "False"; };
                }

            case GroupKind.Single:
                {
                    var get = row.GetGetter<float>(column);
                    float v = 0;
                    return () => { get(ref v); return float.IsNaN(v) ? null : v.ToString("R", c); };
                }

            case GroupKind.Double:
                {
                    var get = row.GetGetter<double>(column);
                    double v = 0;
                    return () => { get(ref v); return double.IsNaN(v) ? null : v.ToString("R", c); };
                }

            case GroupKind.Int32:
                {
                    var get = row.GetGetter<int>(column);
                    var v = 0;
                    return () => { get(ref v); return v.ToString(c); };
                }

            case GroupKind.Int64:
                {
                    var get = row.GetGetter<long>(column);
                    long v = 0;
                    return () => { get(ref v); return v.ToString(c); };
                }

            default:
                {
                    var get = row.GetGetter<uint>(column);
                    uint v = 0;
                    return () => { get(ref v); return v == 0 ? null : v.ToString(c); };
                }
        }
    }

    /// <summary>
    /// A lookup of the row's group index (−1 when missing or unseen) that allocates nothing per row: text is
    /// compared as spans (a linear scan over a small vocabulary, a span-keyed dictionary over a large one), keys
    /// index an array, other kinds use a typed dictionary.
    /// </summary>
    public GroupIndexReader IndexReader(DataViewRow row, DataViewSchema.Column column)
    {
        var kind = KindOf(column);
        if (kind != Kind)
        {
            throw new ArgumentException($"Group column '{column.Name}' was {Kind} in calibration but is {kind} now.");
        }

        var c = CultureInfo.InvariantCulture;
        return kind switch
        {
            GroupKind.Text => new TextIndexReader(row.GetGetter<ReadOnlyMemory<char>>(column), _values),
            GroupKind.Boolean => new BooleanIndexReader(row.GetGetter<bool>(column), IndexOf("True"), IndexOf("False")),
            GroupKind.Key when _values.Count == 0 || _values.Max(v => uint.Parse(v, c)) <= KeyIndexReader.MaxKey
                => new KeyIndexReader(row.GetGetter<uint>(column), _values.Select(v => uint.Parse(v, c)).ToArray()),
            GroupKind.Key => new TypedIndexReader<uint>(row.GetGetter<uint>(column), Map(s => uint.Parse(s, c)), static v => v == 0),
            GroupKind.Single => new TypedIndexReader<float>(row.GetGetter<float>(column), Map(s => float.Parse(s, c)), float.IsNaN),
            GroupKind.Double => new TypedIndexReader<double>(row.GetGetter<double>(column), Map(s => double.Parse(s, c)), double.IsNaN),
            GroupKind.Int32 => new TypedIndexReader<int>(row.GetGetter<int>(column), Map(s => int.Parse(s, c)), static _ => false),
            _ => new TypedIndexReader<long>(row.GetGetter<long>(column), Map(s => long.Parse(s, c)), static _ => false),
        };
    }

    /// <summary>
    /// A reader of the row's group index that adds a value seen for the first time (fit time): −1 when missing.
    /// Text allocates a string only for a new value.
    /// </summary>
    public Func<int> IndexAdder(DataViewRow row, DataViewSchema.Column column)
    {
        if (KindOf(column) == GroupKind.Text)
        {
            var map = new Dictionary<ReadOnlyMemory<char>, int>(TextComparer.Instance);
            for (var i = 0; i < _values.Count; i++)
            {
                map[_values[i].AsMemory()] = i;
            }

            var get = row.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> v = default;
            return () =>
            {
                get(ref v);
                var span = v.Span;
                if (span.IsEmpty)
                {
                    return -1;
                }

                int i;
                if (_values.Count <= ScanLimit)
                {
                    // A few values (the usual group column): a scan beats hashing the text of every row.
                    var first = span[0];
                    for (i = 0; i < _values.Count; i++)
                    {
                        var known = _values[i];
                        if (known.Length == span.Length && known[0] == first && span.SequenceEqual(known))
                        {
                            return i;
                        }
                    }
                }
                else if (map.TryGetValue(v, out i))
                {
                    return i;
                }

                i = Add(v.ToString());
                map[_values[i].AsMemory()] = i;
                return i;
            };
        }

        var text = TextReader(row, column);
        return () => text() is { } value ? Add(value) : -1;
    }

    private Dictionary<T, int> Map<T>(Func<string, T> parse)
        where T : notnull
    {
        var map = new Dictionary<T, int>();
        for (var i = 0; i < _values.Count; i++)
        {
            map[parse(_values[i])] = i;
        }

        return map;
    }

    /// <summary>Ordinal equality of text values as memory.</summary>
    internal static IEqualityComparer<ReadOnlyMemory<char>> TextEquality => TextComparer.Instance;

    private sealed class TextComparer : IEqualityComparer<ReadOnlyMemory<char>>
    {
        public static readonly TextComparer Instance = new();

        public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(obj.Span, StringComparison.Ordinal);
    }
}
