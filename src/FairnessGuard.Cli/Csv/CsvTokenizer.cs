using System.Buffers;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Splits a CSV byte stream into records and fields over one 64 KB buffer: RFC 4180 quoting (delimiters,
/// <c>""</c> and line breaks inside quotes), <c>\r\n</c> or <c>\n</c> line ends, blank lines skipped. Only the
/// columns given a <see cref="CapturedField"/> are captured; every other field is skipped (or copied through
/// <see cref="Copy"/>) without being held, so a 200 MB line costs the buffer, not the line. This file holds the
/// buffer and the header line; CsvTokenizer.Record.cs the record state machine.
/// </summary>
internal sealed partial class CsvTokenizer
{
    /// <summary>The longest header line accepted, in bytes.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    private const int BufferSize = 1 << 16;

    private readonly string _path;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize + 1];
    private CapturedField?[] _fieldOfColumn = [];
    private CapturedField[] _captured = [];
    private SearchValues<byte> _stops = SearchValues.Create("\n\""u8);
    private byte _delimiter = (byte)',';
    private int _lastCaptured = -1;
    private int _pos;
    private int _end;
    private long _bufferOffset;
    private long _limit = long.MaxValue;
    private bool _eof;
    private long _currentLine = 1;

    /// <summary>Reads <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    public CsvTokenizer(string path, Stream stream)
    {
        _path = path;
        _stream = stream;
    }

    /// <summary>Copies each record's bytes (without its line break) when its target is set.</summary>
    public RecordCopy Copy { get; } = new();

    /// <summary>The 0-based index of the current data record (the header excluded).</summary>
    public long RowIndex { get; private set; } = -1;

    /// <summary>The file line where the current record starts (a quoted field may span lines).</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Bytes consumed so far.</summary>
    public long Position => _bufferOffset + _pos;

    /// <summary>Reads the header line (a UTF-8 BOM skipped, leading blank lines skipped), without its line break.</summary>
    /// <exception cref="CsvInputException">The file is empty, or the line is longer than <see cref="MaxHeaderBytes"/>.</exception>
    public (byte[] Raw, bool Crlf) ReadHeaderLine()
    {
        // Read until the first line break outside quotes.
        var line = new List<byte>();
        var inQuotes = false;
        var bom = true;
        while (true)
        {
            if (_pos >= _end && !Refill())
            {
                break;
            }

            if (bom)
            {
                bom = false;
                if (_end - _pos >= 3 && _buffer[_pos] == 0xEF && _buffer[_pos + 1] == 0xBB && _buffer[_pos + 2] == 0xBF)
                {
                    _pos += 3;
                    continue;
                }
            }

            var b = _buffer[_pos++];
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == (byte)'\n' && !inQuotes)
            {
                if (line.Count == 0)
                {
                    _currentLine++;
                    continue;
                }

                break;
            }

            if (b == (byte)'\n')
            {
                _currentLine++;
            }

            line.Add(b);
            if (line.Count > MaxHeaderBytes)
            {
                var shown = System.Text.Encoding.UTF8.GetString(line.GetRange(0, 800).ToArray());
                throw new CsvInputException(_path, _currentLine, 0, null, $"the header line is longer than {MaxHeaderBytes:N0} bytes: '{TextCap.Echo(shown)}'");
            }
        }

        if (line.Count == 0)
        {
            throw new CsvInputException(_path, 0, 0, null, "the file is empty; a header line is needed");
        }

        var crlf = line[^1] == (byte)'\r';
        if (crlf)
        {
            line.RemoveAt(line.Count - 1);
        }

        _currentLine++;
        return ([.. line], crlf);
    }

    /// <summary>Sets the delimiter and the fields to capture (by 0-based column; the array's length is the column count).</summary>
    public void Start(byte delimiter, CapturedField?[] fieldOfColumn)
    {
        _delimiter = delimiter;
        _stops = SearchValues.Create([delimiter, (byte)'\n', (byte)'"']);
        _fieldOfColumn = fieldOfColumn;
        _captured = [.. fieldOfColumn.OfType<CapturedField>()];
        _lastCaptured = Array.FindLastIndex(fieldOfColumn, f => f is not null);
    }

    /// <summary>
    /// Continues at byte <paramref name="offset"/> of a seekable stream (after <see cref="Start"/>), which must be
    /// the start of a record; line numbers then count from there (a parallel reader's second half; its errors
    /// are not shown).
    /// </summary>
    public void Seek(long offset) => Seek(offset, long.MaxValue, _currentLine, RowIndex + 1);

    /// <summary>
    /// Continues at byte <paramref name="offset"/> (the start of a record) and reads as if the stream ended at byte
    /// <paramref name="end"/>; the next record is taken to start at file line <paramref name="line"/> and to be data
    /// record <paramref name="row"/> (0-based), so errors name the places a sequential pass would.
    /// </summary>
    public void Seek(long offset, long end, long line, long row)
    {
        _stream.Position = offset;
        _bufferOffset = offset;
        _limit = end;
        _pos = 0;
        _end = 0;
        _eof = false;
        _currentLine = line;
        Line = line;
        RowIndex = row - 1;
    }

    /// <summary>The file line the next record starts on (after the current record's line break).</summary>
    public long NextLine => _currentLine;

    private bool PeekNewLine()
    {
        if (_pos + 1 < _end)
        {
            return _buffer[_pos + 1] == (byte)'\n';
        }

        // Keep the '\r' and look at the next buffer.
        if (!Refill())
        {
            return false;
        }

        return _pos + 1 < _end && _buffer[_pos + 1] == (byte)'\n';
    }

    /// <summary>Reads more bytes, keeping the byte before <see cref="_pos"/> (a possible '\r') and the unread tail.</summary>
    private bool Refill()
    {
        if (_eof)
        {
            return false;
        }

        var keepFrom = Copy.BeforeShift(_buffer, Math.Max(_pos - 1, 0), _end);
        var kept = _end - keepFrom;
        if (kept > 0 && keepFrom > 0)
        {
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
        }

        _bufferOffset += keepFrom;
        _pos -= keepFrom;
        Copy.Shift(keepFrom);
        _end = kept;
        var room = (int)Math.Min(_buffer.Length - _end, _limit - (_bufferOffset + _end));
        var read = room <= 0 ? 0 : _stream.Read(_buffer, _end, room);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }
}
