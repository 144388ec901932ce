using System.Collections.Concurrent;
using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Reads the group, score and label columns of a Parquet file (Parquet.Net), one row group at a time: only those
/// columns are decoded and only one row group is held. Numeric columns of any width (nullable or not) are read as
/// doubles; group columns of any type are read as their invariant text; nulls are missing values. Parquet.Net is
/// asynchronous: each call runs on the thread pool and is awaited synchronously (no caller's context is captured).
/// </summary>
internal sealed partial class ParquetRowSource : IRowSource
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly DataField[] _groupFields;
    private readonly DataField _scoreField;
    private readonly DataField? _labelField;
    private readonly ColumnSpec _spec;
    private ConcurrentDictionary<string, string> _interned = new(StringComparer.Ordinal);
    private string?[][] _groups = [];
    private double[] _scores = [];
    private double[]? _labels;
    private int _rowGroup = -1;
    private int _index;
    private int _length;
    private long _rowsBefore;

    private ParquetRowSource(string path, FileStream stream, ParquetReader reader, ColumnSpec spec)
    {
        Path = path;
        _spec = spec;
        _stream = stream;
        _reader = reader;
        var fields = reader.Schema.GetDataFields();
        var names = fields.Select(f => f.Name).ToArray();
        DataField Field(string name) => fields[CsvHeader.ColumnIndex(path, names, name, "schema")];

        _groupFields = spec.Groups.Select(Field).ToArray();
        _scoreField = Field(spec.Score);
        _labelField = spec.Label is null ? null : Field(spec.Label);
        Length = reader.Metadata?.NumRows ?? 0;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public string ScoreName => _scoreField.Name;

    /// <inheritdoc/>
    public long RowIndex => _rowsBefore + _index;

    /// <inheritdoc/>
    public long Position => RowIndex;

    /// <inheritdoc/>
    public long Length { get; }

    /// <summary>The file's schema.</summary>
    public ParquetSchema Schema => _reader.Schema;

    /// <summary>Raised when a row group is loaded (before its first row is read), with its reader and row count: <c>correct</c> copies its other columns.</summary>
    public event Action<ParquetRowGroupReader, int>? RowGroupLoaded;

    /// <summary>Opens a Parquet file and finds the columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The columns read.</param>
    /// <param name="prefetch">Decode the next row groups on two other threads while this one is read (no <see cref="RowGroupLoaded"/> then).</param>
    public static ParquetRowSource Open(string path, ColumnSpec spec, bool prefetch = false)
    {
        var source = Open(path, spec);
        source._prefetch = prefetch && source._reader.RowGroupCount > 1;
        return source;
    }

    private static ParquetRowSource Open(string path, ColumnSpec spec)
    {
        var stream = InputFile.Open(path, 1 << 16);
        try
        {
            var reader = ParquetColumns.Run(() => ParquetReader.CreateAsync(stream));
            return new ParquetRowSource(path, stream, reader, spec);
        }
        catch (Exception ex) when (ex is not CsvInputException and (IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException))
        {
            stream.Dispose();
            throw new CsvInputException(path, 0, 0, null, $"not a readable Parquet file: {TextCap.Echo(ex.Message)}");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public bool Read()
    {
        _index++;
        while (_index >= _length)
        {
            if (_rowGroup + 1 >= _reader.RowGroupCount)
            {
                return false;
            }

            LoadRowGroup(_rowGroup + 1);
        }

        return true;
    }

    /// <inheritdoc/>
    public double Score() => _scores[_index];

    /// <inheritdoc/>
    public double Label() => _labels is null ? double.NaN : _labels[_index];

    /// <inheritdoc/>
    public string? Group()
    {
        if (_groups.Length == 1)
        {
            return _groups[0][_index];
        }

        var parts = new string[_groups.Length];
        for (var c = 0; c < parts.Length; c++)
        {
            if (_groups[c][_index] is not { } part)
            {
                return null;
            }

            parts[c] = part;
        }

        return Intern(string.Join(ColumnSpec.GroupSeparator, parts));
    }

    /// <inheritdoc/>
    public CsvInputException ErrorAt(string columnName, string problem) => new(Path, 0, 0, columnName, $"row {RowIndex}: {problem}");

    /// <inheritdoc/>
    public void Dispose()
    {
        StopPrefetch();
        ParquetColumns.Run(() => _reader.DisposeAsync().AsTask());
        _stream.Dispose();
    }

    private void LoadRowGroup(int index)
    {
        _rowsBefore += _length;
        _rowGroup = index;
        if (_prefetch)
        {
            (_groups, _scores, _labels, _length) = Prefetched(index);
            _index = 0;
            return;
        }

        using var group = _reader.OpenRowGroupReader(index);
        _length = checked((int)group.RowCount);
        _index = 0;
        _groups = _groupFields.Select(f => Texts(group, f)).ToArray();
        _scores = Numbers(group, _scoreField, label: false);
        _labels = _labelField is null ? null : Numbers(group, _labelField, label: true);
        RowGroupLoaded?.Invoke(group, _length);
    }

    private T Guard<T>(DataField field, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            throw new CsvInputException(Path, 0, 0, field.Name, $"row group {_rowGroup}: cannot read column '{TextCap.Echo(field.Name)}': {TextCap.Echo(ex.Message)}");
        }
    }

    private T[] Values<T>(ParquetRowGroupReader group, DataField field)
        where T : struct => Guard(field, () =>
    {
        var values = new T[_length];
        ParquetColumns.Run(() => group.ReadAsync<T>(field, values.AsMemory(), null, default).AsTask());
        return values;
    });

    private T?[] Nullable<T>(ParquetRowGroupReader group, DataField field)
        where T : struct => Guard(field, () =>
    {
        var values = new T?[_length];
        ParquetColumns.Run(() => group.ReadAsync<T>(field, values.AsMemory(), null, default).AsTask());
        return values;
    });

    private string?[] Strings(ParquetRowGroupReader group, DataField field) => Guard(field, () =>
    {
        var values = new string?[_length];
        ParquetColumns.Run(() => group.ReadAsync(field, values.AsMemory(), null, default).AsTask());
        return values;
    });

    private object?[] Boxed(ParquetRowGroupReader group, DataField field)
    {
        var t = field.ClrType;
        var nullable = field.IsNullable;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            return Strings(group, field);
        }

        return t switch
        {
            _ when t == typeof(double) => nullable ? Box(Nullable<double>(group, field)) : Box(Values<double>(group, field)),
            _ when t == typeof(float) => nullable ? Box(Nullable<float>(group, field)) : Box(Values<float>(group, field)),
            _ when t == typeof(int) => nullable ? Box(Nullable<int>(group, field)) : Box(Values<int>(group, field)),
            _ when t == typeof(long) => nullable ? Box(Nullable<long>(group, field)) : Box(Values<long>(group, field)),
            _ when t == typeof(short) => nullable ? Box(Nullable<short>(group, field)) : Box(Values<short>(group, field)),
            _ when t == typeof(byte) => nullable ? Box(Nullable<byte>(group, field)) : Box(Values<byte>(group, field)),
            _ when t == typeof(decimal) => nullable ? Box(Nullable<decimal>(group, field)) : Box(Values<decimal>(group, field)),
            _ when t == typeof(bool) => nullable ? Box(Nullable<bool>(group, field)) : Box(Values<bool>(group, field)),
            _ => throw new CsvInputException(Path, 0, 0, field.Name, $"column '{TextCap.Echo(field.Name)}' has type {t.Name}, which is neither a number, a boolean nor a string"),
        };
    }

    private static object?[] Box<T>(T[] values) => Array.ConvertAll(values, v => (object?)v);

    private double[] Numbers(ParquetRowGroupReader group, DataField field, bool label)
    {
        if (field.ClrType == typeof(double))
        {
            if (!field.IsNullable)
            {
                return Values<double>(group, field);
            }

            var raw = new double[_length];
            return RawDoubles(group, field, raw, 0) ? raw : Array.ConvertAll(Nullable<double>(group, field), v => v ?? double.NaN);
        }

        if (field.ClrType == typeof(float) && !field.IsNullable)
        {
            return Array.ConvertAll(Values<float>(group, field), v => (double)v);
        }

        var data = Boxed(group, field);
        var result = new double[data.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = data[i] switch
            {
                null => double.NaN,
                bool b => b ? 1 : 0,
                string s => ParseText(s, field, i, label),
                IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                var other => throw new CsvInputException(Path, 0, 0, field.Name, $"row {_rowsBefore + i}: a {other.GetType().Name} is not a number"),
            };
        }

        return result;
    }

    private double ParseText(string s, DataField field, int i, bool label) =>
        FieldNumbers.TryParseField(System.Text.Encoding.UTF8.GetBytes(s), label, decimalComma: false, out var value)
            ? value
            : throw new CsvInputException(Path, 0, 0, field.Name, $"row {_rowsBefore + i}: '{TextCap.Echo(s.Trim())}' is not a number ({FieldNumbers.Expected})");

    private string Intern(string text) => _interned.GetOrAdd(text, text);
}
