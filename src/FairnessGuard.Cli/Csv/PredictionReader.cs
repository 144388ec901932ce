namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Streams a prediction CSV: the header (<see cref="CsvHeader"/>: delimiter, names, column lookup), the records
/// (<see cref="CsvTokenizer"/>: quoting, only the needed fields captured, the rest skipped or copied through
/// <see cref="PassThrough"/> by <see cref="RecordCopy"/>), the captured text decoded strictly
/// (<see cref="StrictText"/>: an invalid byte is an error naming the file, line and byte offset) and the numbers
/// parsed from the bytes (<see cref="FieldNumbers"/>). Group keys are interned by their bytes
/// (<see cref="GroupInterner"/>), so a row allocates nothing.
/// </summary>
internal sealed class PredictionReader : IRowSource
{
    /// <summary>The longest group, score or label field accepted, in bytes.</summary>
    public const int MaxFieldBytes = CapturedField.MaxBytes;

    /// <summary>The longest header line accepted, in bytes.</summary>
    public const int MaxHeaderBytes = CsvTokenizer.MaxHeaderBytes;

    private readonly Stream _stream;
    private readonly CsvTokenizer _tokenizer;
    private readonly bool _decimalComma;
    private readonly CapturedField[] _groupFields;
    private readonly CapturedField _scoreField;
    private readonly CapturedField? _labelField;
    private readonly CapturedField?[] _fieldOfColumn;
    private readonly GroupInterner _groups = new();
    private byte[] _joined = new byte[256];

    private PredictionReader(string path, Stream stream, ColumnSpec spec, InputEncoding encoding, bool decimalComma, bool captureAll)
    {
        Path = path;
        _stream = stream;
        Encoding = encoding;
        _decimalComma = decimalComma;
        _tokenizer = new CsvTokenizer(path, stream);
        var (raw, crlf) = _tokenizer.ReadHeaderLine();
        var (header, delimiter) = CsvHeader.Parse(path, raw, encoding);
        Header = header;
        HeaderBytes = raw;
        DelimiterByte = delimiter;
        Delimiter = ((char)delimiter).ToString();
        NewLine = crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray();

        var fieldOfColumn = new CapturedField?[header.Length];
        CapturedField Field(string name)
        {
            var column = CsvHeader.ColumnIndex(path, header, name);
            return fieldOfColumn[column] ??= new CapturedField(column, header[column]);
        }

        _groupFields = spec.Groups.Select(Field).ToArray();
        _scoreField = Field(spec.Score);
        _labelField = spec.Label is null ? null : Field(spec.Label);
        for (var c = 0; captureAll && c < header.Length; c++)
        {
            fieldOfColumn[c] ??= new CapturedField(c, header[c]);
        }

        _fieldOfColumn = fieldOfColumn;
        _tokenizer.Start(delimiter, fieldOfColumn);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The header's column names.</summary>
    public string[] Header { get; }

    /// <summary>The header line as read (without its line break), for writing it back unchanged.</summary>
    public byte[] HeaderBytes { get; }

    /// <summary>The detected delimiter.</summary>
    public string Delimiter { get; }

    /// <summary>The detected delimiter byte.</summary>
    public byte DelimiterByte { get; }

    /// <summary>The header's line break (<c>\r\n</c> or <c>\n</c>), for writing in kind.</summary>
    public byte[] NewLine { get; }

    /// <summary>The encoding the text is decoded with.</summary>
    public InputEncoding Encoding { get; }

    /// <summary>When set, every data record's bytes (without its line break) are copied here as they are read.</summary>
    public OutputBuffer? PassThrough
    {
        get => _tokenizer.Copy.Target;
        set => _tokenizer.Copy.Target = value;
    }

    /// <summary>The 0-based index of the current data record (the header excluded).</summary>
    public long RowIndex => _tokenizer.RowIndex;

    /// <summary>The file line where the current record starts (a quoted field may span lines).</summary>
    public long Line => _tokenizer.Line;

    /// <summary>Bytes consumed so far, for progress.</summary>
    public long Position => _tokenizer.Position;

    /// <summary>The file's length in bytes (0 when not known, e.g. a pipe).</summary>
    public long Length => _stream.CanSeek ? _stream.Length : 0;

    /// <summary>The name of the score column.</summary>
    public string ScoreName => _scoreField.Name;

    /// <summary>The 0-based column of the score.</summary>
    public int ScoreColumn => _scoreField.Column;

    /// <summary>Opens a file and checks that the header has the named columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The columns read.</param>
    /// <param name="encoding">How text is decoded.</param>
    /// <param name="decimalComma">Whether numbers use a decimal comma.</param>
    /// <param name="captureAll">Capture every column (each up to <see cref="MaxFieldBytes"/>) for <see cref="ColumnText"/>.</param>
    public static PredictionReader Open(string path, ColumnSpec spec, InputEncoding encoding = InputEncoding.Utf8, bool decimalComma = false, bool captureAll = false)
    {
        var stream = InputFile.Open(path, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return new PredictionReader(path, stream, spec, encoding, decimalComma, captureAll);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The distinct group keys read so far (one string each).</summary>
    public IEnumerable<string> GroupKeys => _groups.Values;

    /// <summary>Advances to the next data record; false at the end.</summary>
    public bool Read() => _tokenizer.Read();

    /// <summary>Continues at byte <paramref name="offset"/>, the start of a record (see <see cref="CsvTokenizer.Seek(long)"/>).</summary>
    public void SeekTo(long offset) => _tokenizer.Seek(offset);

    /// <summary>
    /// Continues at byte <paramref name="offset"/>, the start of a record, reading as if the file ended at
    /// <paramref name="end"/>; the next record counts as file line <paramref name="line"/> and data record <paramref name="row"/>.
    /// </summary>
    public void SeekTo(long offset, long end, long line, long row) => _tokenizer.Seek(offset, end, line, row);

    /// <summary>The file line the next record starts on.</summary>
    public long NextLine => _tokenizer.NextLine;

    /// <summary>The current record's score; NaN when missing (empty, NA or ?).</summary>
    public double Score() => Number(_scoreField, label: false);

    /// <summary>The current record's label; NaN when missing. yes/no and true/false read as 1/0.</summary>
    public double Label() => _labelField is null ? double.NaN : Number(_labelField, label: true);

    /// <summary>The score field as read (its quotes restored), for passing a missing score through.</summary>
    public ReadOnlySpan<byte> RawScore(out bool quoted)
    {
        quoted = _scoreField.Quoted;
        return _scoreField.Bytes;
    }

    /// <summary>The current record's group key (interned: one string per distinct key); null when any group column is missing.</summary>
    public string? Group()
    {
        if (_groupFields.Length == 1)
        {
            var bytes = _groupFields[0].Bytes;
            return MissingValues.IsMissing(bytes) ? null : _groups.Get(bytes, this);
        }

        var length = 0;
        foreach (var field in _groupFields)
        {
            if (MissingValues.IsMissing(field.Bytes))
            {
                return null;
            }

            length += field.Length + 1;
        }

        if (_joined.Length < length)
        {
            Array.Resize(ref _joined, Math.Max(length, _joined.Length * 2));
        }

        var at = 0;
        foreach (var field in _groupFields)
        {
            if (at > 0)
            {
                _joined[at++] = (byte)'/';
            }

            field.Bytes.CopyTo(_joined.AsSpan(at));
            at += field.Length;
        }

        return _groups.Get(_joined.AsSpan(0, at), this);
    }

    /// <summary>The current record's text in <paramref name="column"/>, decoded strictly (the reader was opened to capture every column).</summary>
    public string ColumnText(int column) =>
        StrictText.Decode(_fieldOfColumn[column] ?? throw new InvalidOperationException("the reader was not opened to capture every column"), Encoding, Path, Line);

    /// <summary>An error about the current record at a named column.</summary>
    public CsvInputException ErrorAt(string columnName, string problem)
    {
        var index = Array.IndexOf(Header, columnName);
        return new CsvInputException(Path, Line, index + 1, columnName, problem);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    /// <summary>Decodes the current record's group fields strictly and joins them (a key's first sighting).</summary>
    internal string DecodeGroup()
    {
        if (_groupFields.Length == 1)
        {
            return StrictText.Decode(_groupFields[0], Encoding, Path, Line);
        }

        return string.Join(ColumnSpec.GroupSeparator, _groupFields.Select(f => StrictText.Decode(f, Encoding, Path, Line)));
    }

    private double Number(CapturedField field, bool label)
    {
        if (FieldNumbers.TryParseField(field.Bytes, label, _decimalComma, out var value))
        {
            return value;
        }

        var shown = StrictText.Shown(FieldNumbers.Trim(field.Bytes), Encoding);
        throw new CsvInputException(Path, Line, field.Column + 1, field.Name, $"'{TextCap.Echo(shown)}' is not a number ({FieldNumbers.Expected})");
    }
}
