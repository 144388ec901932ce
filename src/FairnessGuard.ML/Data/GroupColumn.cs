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

    /// <summary>A lookup of the row's group index (−1 when missing or unseen) that allocates nothing per row.</summary>
    public Func<int> IndexReader(DataViewRow row, DataViewSchema.Column column)
    {
        var kind = KindOf(column);
        if (kind != Kind)
        {
            throw new ArgumentException($"Group column '{column.Name}' was {Kind} in calibration but is {kind} now.");
        }

        var c = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case GroupKind.Text:
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
                        return !v.IsEmpty && map.TryGetValue(v, out var i) ? i : -1;
                    };
                }

            case GroupKind.Boolean:
                {
                    var get = row.GetGetter<bool>(column);
                    var yes = IndexOf("True");
                    var no = IndexOf("False");
                    var v = false;
                    return () => { get(ref v); return v ? yes : no; };
                }

            case GroupKind.Single:
                return Typed(row.GetGetter<float>(column), s => float.Parse(s, c), v => float.IsNaN(v));
            case GroupKind.Double:
                return Typed(row.GetGetter<double>(column), s => double.Parse(s, c), v => double.IsNaN(v));
            case GroupKind.Int32:
                return Typed(row.GetGetter<int>(column), s => int.Parse(s, c), _ => false);
            case GroupKind.Int64:
                return Typed(row.GetGetter<long>(column), s => long.Parse(s, c), _ => false);
            default:
                return Typed(row.GetGetter<uint>(column), s => uint.Parse(s, c), v => v == 0);
        }
    }

    private Func<int> Typed<T>(ValueGetter<T> get, Func<string, T> parse, Func<T, bool> isMissing)
        where T : notnull
    {
        var map = new Dictionary<T, int>();
        for (var i = 0; i < _values.Count; i++)
        {
            map[parse(_values[i])] = i;
        }

        T v = default!;
        return () =>
        {
            get(ref v);
            return !isMissing(v) && map.TryGetValue(v, out var i) ? i : -1;
        };
    }

    private sealed class TextComparer : IEqualityComparer<ReadOnlyMemory<char>>
    {
        public static readonly TextComparer Instance = new();

        public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(obj.Span, StringComparison.Ordinal);
    }
}
