using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Streams a prediction CSV one record at a time (CsvHelper's parser: header, quotes, delimiter detection
/// among , ; tab and |): memory does not grow with the file. Every error names the file, line and column.
/// </summary>
internal sealed class PredictionReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly int[] _groupColumns;
    private readonly int _scoreColumn;
    private readonly int _labelColumn;
    private long _previousEnd;

    private PredictionReader(string path, FileStream stream, ColumnSpec spec)
    {
        Path = path;
        _stream = stream;
        _text = new StreamReader(stream);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            IgnoreBlankLines = true,
            // The record starts on the line after the previous one ended (an unclosed quote may run to the end of the file).
            BadDataFound = args => throw new CsvInputException(
                path, _previousEnd + 1, args.Context.Parser?.Count ?? 0, null, $"malformed quoting in field '{args.Field.Trim()}'"),
        };
        _parser = new CsvParser(_text, config);
        if (!ReadRecord())
        {
            throw new CsvInputException(path, 0, 0, null, "the file is empty; a header line is needed");
        }

        Header = _parser.Record ?? [];
        Delimiter = _parser.Delimiter;
        _groupColumns = spec.Groups.Select(ColumnIndex).ToArray();
        _scoreColumn = ColumnIndex(spec.Score);
        _labelColumn = spec.Label is null ? -1 : ColumnIndex(spec.Label);
        Record = [];
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The header's column names.</summary>
    public string[] Header { get; }

    /// <summary>The detected delimiter.</summary>
    public string Delimiter { get; }

    /// <summary>The fields of the current record, as read.</summary>
    public string[] Record { get; private set; }

    /// <summary>The 0-based index of the current data record (the header excluded).</summary>
    public long RowIndex { get; private set; } = -1;

    /// <summary>The file line where the current record starts (a quoted field may span lines).</summary>
    public long Line
    {
        get
        {
            var raw = _parser.RawRecord.AsSpan().TrimEnd("\r\n");
            return _parser.RawRow - raw.Count('\n');
        }
    }

    /// <summary>Bytes consumed so far, for progress.</summary>
    public long Position => _stream.Position;

    /// <summary>The file's length in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>The name of the score column.</summary>
    public string ScoreName => Header[_scoreColumn];

    /// <summary>Opens a file and checks that the header has the named columns.</summary>
    public static PredictionReader Open(string path, ColumnSpec spec)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CsvInputException(path, 0, 0, null, $"cannot open: {ex.Message}");
        }

        try
        {
            return new PredictionReader(path, stream, spec);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Advances to the next data record; false at the end.</summary>
    public bool Read()
    {
        if (!ReadRecord())
        {
            return false;
        }

        Record = _parser.Record ?? [];
        RowIndex++;
        if (Record.Length != Header.Length)
        {
            var column = Math.Min(Record.Length, Header.Length) + 1;
            throw new CsvInputException(Path, Line, column, null, $"the record has {Record.Length} fields but the header has {Header.Length}");
        }

        return true;
    }

    /// <summary>The current record's score; NaN when missing (empty, NA or ?).</summary>
    public double Score() => Number(_scoreColumn, label: false);

    /// <summary>The current record's label; NaN when missing. yes/no and true/false read as 1/0.</summary>
    public double Label() => _labelColumn < 0 ? double.NaN : Number(_labelColumn, label: true);

    /// <summary>The current record's group key; null when any group column is missing.</summary>
    public string? Group()
    {
        if (_groupColumns.Length == 1)
        {
            var value = Record[_groupColumns[0]];
            return MissingValues.IsMissing(value) ? null : value;
        }

        var parts = new string[_groupColumns.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Record[_groupColumns[i]];
            if (MissingValues.IsMissing(parts[i]))
            {
                return null;
            }
        }

        return string.Join(ColumnSpec.GroupSeparator, parts);
    }

    /// <summary>An error about the current record at a named column.</summary>
    public CsvInputException ErrorAt(string columnName, string problem)
    {
        var index = Array.IndexOf(Header, columnName);
        return new CsvInputException(Path, Line, index + 1, columnName, problem);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }

    private double Number(int column, bool label)
    {
        var field = Record[column];
        var ok = label ? MissingValues.TryParseLabel(field, out var value) : MissingValues.TryParseNumber(field, out value);
        if (!ok)
        {
            throw new CsvInputException(Path, Line, column + 1, Header[column], $"'{field}' is not a number (missing values are empty, NA or ?)");
        }

        return value;
    }

    private int ColumnIndex(string name)
    {
        var index = Array.IndexOf(Header, name);
        if (index < 0)
        {
            throw new CsvInputException(Path, 1, 0, null, $"no column '{name}'; the header has: {string.Join(", ", Header)}");
        }

        return index;
    }

    private bool ReadRecord()
    {
        try
        {
            _previousEnd = _parser.RawRow;
            return _parser.Read();
        }
        catch (CsvHelperException ex)
        {
            throw new CsvInputException(Path, ex.Context?.Parser?.RawRow ?? 0, 0, null, ex.Message.Split('\n')[0]);
        }
    }
}
