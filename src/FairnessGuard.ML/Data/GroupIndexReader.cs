using Microsoft.ML;

namespace FairnessGuard.ML.Data;

/// <summary>Reads one group column of the current row as a vocabulary index (−1 when missing or unseen).</summary>
internal abstract class GroupIndexReader
{
    /// <summary>The current row's index.</summary>
    public abstract int Read();
}

/// <summary>
/// A text column. Values told apart by (first character, last character, length) — nearly every small vocabulary —
/// get a 256-slot table on those three: one slot load and one confirming compare per row, with no branch on which
/// group the row is in. Otherwise a scan of length- and first-character-checked compares (up to
/// <see cref="ScanLimit"/> values) or a span-keyed dictionary.
/// </summary>
internal sealed class TextIndexReader : GroupIndexReader
{
    // Up to this many values a scan of length-checked span compares beats hashing the text.
    private const int ScanLimit = 8;
    private const int Slots = 256;
    private readonly ValueGetter<ReadOnlyMemory<char>> _get;
    private readonly string[] _values;
    private readonly Dictionary<ReadOnlyMemory<char>, int>? _map;
    private readonly int[]? _slots;
    private ReadOnlyMemory<char> _value;

    public TextIndexReader(ValueGetter<ReadOnlyMemory<char>> get, IReadOnlyList<string> values)
    {
        _get = get;
        _values = [.. values];
        if (_values.Length > ScanLimit)
        {
            _map = new Dictionary<ReadOnlyMemory<char>, int>(GroupVocabularyComparers.Text);
            for (var i = 0; i < _values.Length; i++)
            {
                _map[_values[i].AsMemory()] = i;
            }
        }

        var slots = new int[Slots];
        Array.Fill(slots, -1);
        var distinct = true;
        for (var i = 0; i < _values.Length && distinct; i++)
        {
            // An empty value (never stored: empty text is missing) or two values in one slot: no table.
            distinct = _values[i].Length > 0 && slots[Slot(_values[i])] < 0;
            if (distinct)
            {
                slots[Slot(_values[i])] = i;
            }
        }

        _slots = distinct ? slots : null;
    }

    public override int Read()
    {
        _get(ref _value);
        var span = _value.Span;
        if (span.IsEmpty)
        {
            return -1;
        }

        if (_slots is { } slots)
        {
            // Only the value in the row's slot can equal it; an empty slot or a failed compare is an unseen value.
            var candidate = slots[Slot(span)];
            return candidate >= 0 && span.SequenceEqual(_values[candidate]) ? candidate : -1;
        }

        if (_map is not null)
        {
            return _map.TryGetValue(_value, out var index) ? index : -1;
        }

        // The first character settles most mismatches without a call (values are never empty).
        var values = _values;
        var first = span[0];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v.Length == span.Length && v[0] == first && span.SequenceEqual(v))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Slot(ReadOnlySpan<char> text) => ((text[0] * 7) + (text[^1] * 3) + text.Length) & (Slots - 1);
}

internal sealed class BooleanIndexReader(ValueGetter<bool> get, int yes, int no) : GroupIndexReader
{
    private bool _value;

    public override int Read()
    {
        get(ref _value);
        return _value ? yes : no;
    }
}

/// <summary>A key column: the index is one array load (key 0 is missing; keys past the table were not seen).</summary>
internal sealed class KeyIndexReader : GroupIndexReader
{
    /// <summary>The largest key an array table is built for; beyond it a dictionary is used.</summary>
    public const uint MaxKey = 1u << 20;
    private readonly ValueGetter<uint> _get;
    private readonly int[] _byKey;
    private uint _value;

    public KeyIndexReader(ValueGetter<uint> get, uint[] keys)
    {
        _get = get;
        _byKey = new int[keys.Length == 0 ? 1 : (int)keys.Max() + 1];
        Array.Fill(_byKey, -1);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] < (uint)_byKey.Length)
            {
                _byKey[keys[i]] = i;
            }
        }
    }

    public override int Read()
    {
        _get(ref _value);
        return _value != 0 && _value < (uint)_byKey.Length ? _byKey[_value] : -1;
    }
}

internal sealed class TypedIndexReader<T>(ValueGetter<T> get, Dictionary<T, int> map, Func<T, bool> isMissing) : GroupIndexReader
    where T : notnull
{
    private T _value = default!;

    public override int Read()
    {
        get(ref _value);
        return !isMissing(_value) && map.TryGetValue(_value, out var i) ? i : -1;
    }
}

/// <summary>The span comparer of text group values.</summary>
internal static class GroupVocabularyComparers
{
    public static IEqualityComparer<ReadOnlyMemory<char>> Text => GroupVocabulary.TextEquality;
}
