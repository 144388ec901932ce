using FairnessGuard.Cli.Csv;
using Parquet;
using Parquet.Schema;

namespace FairnessGuard.Cli.Correction;

/// <summary>Where <c>correct</c> writes: every input column plus <c>&lt;score&gt;_fair</c>, one call per input row, in order.</summary>
internal interface ICorrectedOutput : IDisposable
{
    /// <summary>The current row's fair score.</summary>
    void Corrected(double fair);

    /// <summary>The current row is passed through uncorrected (missing group or score); <paramref name="score"/> is its raw score, NaN when missing.</summary>
    void PassedThrough(double score);

    /// <summary>Writes what is buffered and the file's end.</summary>
    void Complete();
}

/// <summary>
/// CSV in, Parquet out: every input column as a nullable string column, its text as read (decoded strictly,
/// <c>""</c> undone), plus the fair score as a nullable double (null where the score is missing or NaN), in row
/// groups of <see cref="RowsPerGroup"/> rows.
/// </summary>
internal sealed class CsvToParquetOutput : ICorrectedOutput
{
    /// <summary>Rows a row group holds.</summary>
    public const int RowsPerGroup = 1 << 16;

    private readonly PredictionReader _reader;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly Array[] _columns;
    private readonly double?[] _fair = new double?[RowsPerGroup];
    private int _count;
    private bool _closed;

    /// <summary>Creates the writer; <paramref name="reader"/> must capture every column.</summary>
    public CsvToParquetOutput(Stream output, PredictionReader reader, string fairColumn)
    {
        _reader = reader;
        _fields = [.. reader.Header.Select(name => new DataField(name, typeof(string), isNullable: true)), new DataField(fairColumn, typeof(double), isNullable: true)];
        _columns = [.. reader.Header.Select(_ => (Array)new string?[RowsPerGroup]), _fair];
        _writer = ParquetColumns.Run(() => ParquetWriter.CreateAsync(new ParquetSchema(_fields), output));
    }

    /// <inheritdoc/>
    public void Corrected(double fair) => Add(fair);

    /// <inheritdoc/>
    public void PassedThrough(double score) => Add(score);

    /// <inheritdoc/>
    public void Complete()
    {
        Flush();
        Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            ParquetColumns.Run(() => _writer.DisposeAsync().AsTask());
        }
    }

    private void Add(double value)
    {
        for (var c = 0; c < _reader.Header.Length; c++)
        {
            ((string?[])_columns[c])[_count] = _reader.ColumnText(c);
        }

        _fair[_count++] = double.IsNaN(value) ? null : value;
        if (_count == RowsPerGroup)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_count > 0)
        {
            ParquetColumns.WriteRowGroup(_writer, _fields, _columns, _count);
            _count = 0;
        }
    }
}

/// <summary>
/// Parquet in, Parquet out: each input row group is copied column by column with its schema (types, nullability)
/// and the fair score added as a nullable double (null where the score is missing or NaN). One row group is held.
/// </summary>
internal sealed class ParquetToParquetOutput : ICorrectedOutput
{
    private readonly ParquetWriter _writer;
    private readonly DataField[] _input;
    private readonly DataField[] _fields;
    private Array[]? _columns;
    private double?[] _fair = [];
    private int _count;
    private bool _closed;

    /// <summary>Creates the writer and follows <paramref name="source"/>'s row groups.</summary>
    public ParquetToParquetOutput(Stream output, ParquetRowSource source, string fairColumn)
    {
        _input = ParquetColumns.Flat(source.Path, source.Schema);
        _fields = [.. _input, new DataField(fairColumn, typeof(double), isNullable: true)];
        _writer = ParquetColumns.Run(() => ParquetWriter.CreateAsync(new ParquetSchema(_fields), output));
        source.RowGroupLoaded += (group, rows) =>
        {
            Flush();
            _columns = [.. _input.Select(f => ParquetColumns.Read(group, f, rows))];
            _fair = new double?[rows];
        };
    }

    /// <inheritdoc/>
    public void Corrected(double fair) => _fair[_count++] = fair;

    /// <inheritdoc/>
    public void PassedThrough(double score) => _fair[_count++] = double.IsNaN(score) ? null : score;

    /// <inheritdoc/>
    public void Complete()
    {
        Flush();
        Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            ParquetColumns.Run(() => _writer.DisposeAsync().AsTask());
        }
    }

    private void Flush()
    {
        if (_columns is not null && _count > 0)
        {
            ParquetColumns.WriteRowGroup(_writer, _fields, [.. _columns, _fair], _count);
        }

        _columns = null;
        _count = 0;
    }
}
