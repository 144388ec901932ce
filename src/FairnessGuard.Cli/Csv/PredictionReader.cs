using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Streams a prediction CSV over its bytes: header required, delimiter detected among <c>,</c> <c>;</c> tab
/// and <c>|</c>, RFC 4180 quoting (delimiters, <c>""</c> and line breaks inside quotes). Only the columns a
/// command reads (group, score, label) are captured, each up to <see cref="MaxFieldBytes"/>; every other
/// field is skipped (or copied byte for byte to <see cref="PassThrough"/>) without being held, so a 200 MB
/// line costs a 64 KB buffer. Captured text is decoded strictly (UTF-8 unless Latin-1 was asked): an invalid
/// byte is an error naming the file, line and byte offset, never a U+FFFD that would merge two groups.
/// Scores are parsed from the bytes; group keys are interned by their bytes, so a row allocates nothing.
/// </summary>
internal sealed class PredictionReader : IRowSource
{
    /// <summary>The longest group, score or label field accepted, in bytes.</summary>
    public const int MaxFieldBytes = 1 << 20;

    /// <summary>The longest header line accepted, in bytes.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    private const int BufferSize = 1 << 16;
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    private readonly Stream _stream;
    private readonly InputEncoding _encoding;
    private readonly bool _decimalComma;
    private readonly byte[] _buffer = new byte[BufferSize + 1];
    private readonly int[] _slotOfColumn;
    private readonly Field[] _slots;
    private readonly int[] _groupSlots;
    private readonly int _scoreSlot;
    private readonly int _labelSlot;
    private readonly GroupInterner _groups = new();
    private readonly SearchValues<byte> _stops;
    private byte[] _joined = new byte[256];
    private int _pos;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private int _rawStart = -1;

    private PredictionReader(string path, Stream stream, ColumnSpec spec, InputEncoding encoding, bool decimalComma)
    {
        Path = path;
        _stream = stream;
        _encoding = encoding;
        _decimalComma = decimalComma;
        var (header, raw, delimiter, crlf) = ReadHeader();
        Header = header;
        HeaderBytes = raw;
        DelimiterByte = delimiter;
        Delimiter = ((char)delimiter).ToString();
        NewLine = crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        _stops = SearchValues.Create([delimiter, (byte)'\n', (byte)'"']);
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CsvInputException(path, 1, 0, null, $"the header names column '{TextCap.Echo(duplicate.Key)}' more than once; rename one");
        }

        _slotOfColumn = Enumerable.Repeat(-1, header.Length).ToArray();
        var slots = new List<Field>();
        int Slot(string name)
        {
            var column = ColumnIndex(name);
            if (_slotOfColumn[column] < 0)
            {
                _slotOfColumn[column] = slots.Count;
                slots.Add(new Field(column));
            }

            return _slotOfColumn[column];
        }

        _groupSlots = spec.Groups.Select(Slot).ToArray();
        _scoreSlot = Slot(spec.Score);
        _labelSlot = spec.Label is null ? -1 : Slot(spec.Label);
        _slots = [.. slots];
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
    public InputEncoding Encoding => _encoding;

    /// <summary>When set, every data record's bytes (without its line break) are copied here as they are read.</summary>
    public Stream? PassThrough { get; set; }

    /// <summary>The 0-based index of the current data record (the header excluded).</summary>
    public long RowIndex { get; private set; } = -1;

    /// <summary>The file line where the current record starts (a quoted field may span lines).</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Bytes consumed so far, for progress.</summary>
    public long Position => _bufferOffset + _pos;

    /// <summary>The file's length in bytes (0 when not known, e.g. a pipe).</summary>
    public long Length => _stream.CanSeek ? _stream.Length : 0;

    /// <summary>The name of the score column.</summary>
    public string ScoreName => Header[_slots[_scoreSlot].Column];

    /// <summary>The 0-based column of the score.</summary>
    public int ScoreColumn => _slots[_scoreSlot].Column;

    private long CurrentLine { get; set; } = 1;

    /// <summary>Opens a file and checks that the header has the named columns.</summary>
    public static PredictionReader Open(string path, ColumnSpec spec, InputEncoding encoding = InputEncoding.Utf8, bool decimalComma = false)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CsvInputException(path, 0, 0, null, $"cannot open: {TextCap.Echo(ex.Message)}");
        }

        try
        {
            return new PredictionReader(path, stream, spec, encoding, decimalComma);
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
        foreach (var slot in _slots)
        {
            slot.Reset();
        }

        var fields = 0;
        var started = false;
        var inQuotes = false;
        var quotePending = false;
        var closed = false;
        var fieldStarted = false;
        var fieldLine = CurrentLine;
        var slotIndex = -1;
        while (true)
        {
            if (_pos >= _end)
            {
                if (!Refill())
                {
                    if (!started)
                    {
                        return false;
                    }

                    if (inQuotes && !quotePending)
                    {
                        throw new CsvInputException(Path, Line, fields + 1, null, "malformed quoting: a quoted field is never closed before the end of the file");
                    }

                    EndField(ref fields, ref slotIndex, lastInRecord: true);
                    FlushPassThrough(_end);
                    return EndRecord(fields);
                }
            }

            if (!started)
            {
                var first = _buffer[_pos];
                if (first == (byte)'\n' || (first == (byte)'\r' && PeekNewLine()))
                {
                    _pos += first == (byte)'\r' ? 2 : 1;
                    CurrentLine++;
                    continue;
                }

                started = true;
                Line = CurrentLine;
                _rawStart = _pos;
                slotIndex = SlotOf(0);
                fieldLine = CurrentLine;
            }

            if (inQuotes)
            {
                if (quotePending)
                {
                    if (_buffer[_pos] == (byte)'"')
                    {
                        Capture(slotIndex, (byte)'"');
                        quotePending = false;
                        _pos++;
                        continue;
                    }

                    inQuotes = false;
                    quotePending = false;
                    closed = true;
                    continue;
                }

                var span = _buffer.AsSpan(_pos, _end - _pos);
                var q = span.IndexOf((byte)'"');
                var take = q < 0 ? span : span[..q];
                CurrentLine += take.Count((byte)'\n');
                Capture(slotIndex, take);
                _pos += take.Length;
                if (q >= 0)
                {
                    Capture(slotIndex, (byte)'"');
                    _pos++;
                    quotePending = true;
                }

                continue;
            }

            var b = _buffer[_pos];
            if (closed)
            {
                if (b == (byte)'\r' && PeekNewLine())
                {
                    _pos++;
                    continue;
                }

                if (b != DelimiterByte && b != (byte)'\n')
                {
                    throw MalformedQuote(fields, fieldLine);
                }

                closed = false;
            }
            else if (!fieldStarted && b == (byte)'"')
            {
                inQuotes = true;
                fieldStarted = true;
                if (slotIndex >= 0)
                {
                    _slots[slotIndex].Quoted = true;
                    _slots[slotIndex].Start = Position + 1;
                }

                _pos++;
                continue;
            }

            var rest = _buffer.AsSpan(_pos, _end - _pos);
            var stop = rest.IndexOfAny(_stops);
            if (stop < 0)
            {
                MarkStart(slotIndex, fieldStarted);
                Capture(slotIndex, rest);
                fieldStarted |= rest.Length > 0;
                _pos = _end;
                continue;
            }

            if (stop > 0)
            {
                MarkStart(slotIndex, fieldStarted);
                Capture(slotIndex, rest[..stop]);
                fieldStarted = true;
                _pos += stop;
            }

            b = _buffer[_pos];
            if (b == (byte)'"')
            {
                throw MalformedQuote(fields, fieldLine);
            }

            if (b == DelimiterByte)
            {
                EndField(ref fields, ref slotIndex, lastInRecord: false);
                _pos++;
                fieldStarted = false;
                fieldLine = CurrentLine;
                continue;
            }

            // A line break ends the record; a '\r' before it is not part of the data.
            var rawEnd = _pos > 0 && _buffer[_pos - 1] == (byte)'\r' ? _pos - 1 : _pos;
            EndField(ref fields, ref slotIndex, lastInRecord: true);
            FlushPassThrough(rawEnd);
            _pos++;
            CurrentLine++;
            return EndRecord(fields);
        }
    }

    /// <summary>The current record's score; NaN when missing (empty, NA or ?).</summary>
    public double Score() => Number(_scoreSlot, label: false);

    /// <summary>The current record's label; NaN when missing. yes/no and true/false read as 1/0.</summary>
    public double Label() => _labelSlot < 0 ? double.NaN : Number(_labelSlot, label: true);

    /// <summary>The score field as read (its quotes restored), for passing a missing score through.</summary>
    public ReadOnlySpan<byte> RawScore(out bool quoted)
    {
        var slot = _slots[_scoreSlot];
        quoted = slot.Quoted;
        return slot.Bytes;
    }

    /// <summary>The current record's group key (interned: one string per distinct key); null when any group column is missing.</summary>
    public string? Group()
    {
        if (_groupSlots.Length == 1)
        {
            var slot = _slots[_groupSlots[0]];
            return MissingValues.IsMissing(slot.Bytes) ? null : _groups.Get(slot.Bytes, this, _groupSlots);
        }

        var length = 0;
        foreach (var s in _groupSlots)
        {
            var bytes = _slots[s].Bytes;
            if (MissingValues.IsMissing(bytes))
            {
                return null;
            }

            length += bytes.Length + 1;
        }

        if (_joined.Length < length)
        {
            Array.Resize(ref _joined, Math.Max(length, _joined.Length * 2));
        }

        var at = 0;
        foreach (var s in _groupSlots)
        {
            if (at > 0)
            {
                _joined[at++] = (byte)'/';
            }

            _slots[s].Bytes.CopyTo(_joined.AsSpan(at));
            at += _slots[s].Length;
        }

        return _groups.Get(_joined.AsSpan(0, at), this, _groupSlots);
    }

    /// <summary>An error about the current record at a named column.</summary>
    public CsvInputException ErrorAt(string columnName, string problem)
    {
        var index = Array.IndexOf(Header, columnName);
        return new CsvInputException(Path, Line, index + 1, columnName, problem);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    /// <summary>Decodes the named group slots strictly (they were validated when their key was first seen) and joins them.</summary>
    internal string DecodeGroup(int[] slots)
    {
        if (slots.Length == 1)
        {
            return Decode(_slots[slots[0]]);
        }

        return string.Join(ColumnSpec.GroupSeparator, slots.Select(s => Decode(_slots[s])));
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lower)
    {
        if (bytes.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    private string Decode(Field field)
    {
        var bytes = field.Bytes;
        string text;
        if (_encoding == InputEncoding.Latin1)
        {
            text = System.Text.Encoding.Latin1.GetString(bytes);
        }
        else
        {
            var chars = new char[bytes.Length];
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new CsvInputException(
                    Path,
                    Line,
                    field.Column + 1,
                    Header.Length > field.Column ? Header[field.Column] : null,
                    $"invalid UTF-8 at byte offset {field.Start + read} (0x{bytes[read]:X2}); if the file is Latin-1, pass --encoding latin1");
            }

            text = new string(chars, 0, written);
        }

        return field.Quoted && text.Contains("\"\"", StringComparison.Ordinal) ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    private double Number(int slotIndex, bool label)
    {
        var field = _slots[slotIndex];
        var s = Trim(field.Bytes);
        if (MissingValues.IsMissing(s))
        {
            return double.NaN;
        }

        if (label)
        {
            if (EqualsIgnoreCase(s, "yes"u8) || EqualsIgnoreCase(s, "true"u8))
            {
                return 1;
            }

            if (EqualsIgnoreCase(s, "no"u8) || EqualsIgnoreCase(s, "false"u8))
            {
                return 0;
            }
        }

        if (TryParseNumber(s, _decimalComma, out var value))
        {
            return value;
        }

        var column = field.Column;
        var shown = _encoding == InputEncoding.Latin1 ? System.Text.Encoding.Latin1.GetString(s[..Math.Min(s.Length, 800)]) : System.Text.Encoding.UTF8.GetString(s[..Math.Min(s.Length, 800)]);
        throw new CsvInputException(Path, Line, column + 1, Header[column], $"'{TextCap.Echo(shown)}' is not a number (missing values are empty, NA or ?; ±inf and NaN are read in any case)");
    }

    /// <summary>Parses a number from ASCII bytes: invariant culture (or a decimal comma), plus inf, -inf, infinity and nan in any case.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<byte> s, bool decimalComma, out double value)
    {
        if (s.Length <= 64)
        {
            Span<byte> copy = stackalloc byte[64];
            scoped ReadOnlySpan<byte> text = s;
            if (decimalComma)
            {
                s.CopyTo(copy);
                copy = copy[..s.Length];
                for (var i = 0; i < copy.Length; i++)
                {
                    copy[i] = copy[i] switch
                    {
                        (byte)',' => (byte)'.',
                        (byte)'.' => (byte)'_', // a period is a thousands separator there: refuse rather than misread
                        _ => copy[i],
                    };
                }

                text = copy;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            var sign = 1.0;
            var body = text;
            if (body.Length > 0 && (body[0] == (byte)'-' || body[0] == (byte)'+'))
            {
                sign = body[0] == (byte)'-' ? -1 : 1;
                body = body[1..];
            }

            if (EqualsIgnoreCase(body, "inf"u8) || EqualsIgnoreCase(body, "infinity"u8))
            {
                value = sign * double.PositiveInfinity;
                return true;
            }

            if (EqualsIgnoreCase(body, "nan"u8))
            {
                value = double.NaN;
                return true;
            }
        }

        value = double.NaN;
        return false;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && (s[start] == (byte)' ' || s[start] == (byte)'\t'))
        {
            start++;
        }

        while (end > start && (s[end - 1] == (byte)' ' || s[end - 1] == (byte)'\t'))
        {
            end--;
        }

        return s[start..end];
    }

    private CsvInputException MalformedQuote(int fields, long line) =>
        new(Path, line, fields + 1, null, "malformed quoting: a quote inside an unquoted field, or text after a closing quote (quote the whole field and double inner quotes)");

    private int SlotOf(int column) => column < _slotOfColumn.Length ? _slotOfColumn[column] : -1;

    private void MarkStart(int slotIndex, bool fieldStarted)
    {
        if (slotIndex >= 0 && !fieldStarted)
        {
            _slots[slotIndex].Start = Position;
        }
    }

    private void Capture(int slotIndex, ReadOnlySpan<byte> bytes)
    {
        if (slotIndex >= 0 && !bytes.IsEmpty)
        {
            var field = _slots[slotIndex];
            if (!field.Append(bytes))
            {
                throw new CsvInputException(Path, Line, field.Column + 1, Header[field.Column], $"the field is longer than {MaxFieldBytes:N0} bytes");
            }
        }
    }

    private void Capture(int slotIndex, byte b) => Capture(slotIndex, new ReadOnlySpan<byte>(in b));

    private void EndField(ref int fields, ref int slotIndex, bool lastInRecord)
    {
        if (slotIndex >= 0)
        {
            var field = _slots[slotIndex];
            if (field.Quoted)
            {
                field.DropClosingQuote();
            }
            else if (lastInRecord)
            {
                field.TrimCarriageReturn();
            }
        }

        fields++;
        slotIndex = SlotOf(fields);
    }

    private bool EndRecord(int fields)
    {
        RowIndex++;
        if (fields != Header.Length)
        {
            var column = Math.Min(fields, Header.Length) + 1;
            throw new CsvInputException(Path, Line, column, null, $"the record has {fields} fields but the header has {Header.Length}");
        }

        _rawStart = -1;
        return true;
    }

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

    private void FlushPassThrough(int end)
    {
        if (PassThrough is not null && _rawStart >= 0 && end > _rawStart)
        {
            PassThrough.Write(_buffer, _rawStart, end - _rawStart);
        }

        _rawStart = _rawStart >= 0 ? end : -1;
    }

    /// <summary>Reads more bytes, keeping the byte before <see cref="_pos"/> (a possible '\r') and the unread tail.</summary>
    private bool Refill()
    {
        if (_eof)
        {
            return false;
        }

        var keepFrom = Math.Max(_pos - 1, 0);
        if (_rawStart >= 0)
        {
            // Pass the record's bytes through up to the kept context; a trailing '\r' stays until its line break is seen.
            var flushEnd = Math.Min(keepFrom, _end);
            if (PassThrough is not null && flushEnd > _rawStart)
            {
                PassThrough.Write(_buffer, _rawStart, flushEnd - _rawStart);
            }

            _rawStart = Math.Max(_rawStart, flushEnd);
            keepFrom = Math.Min(keepFrom, _rawStart);
        }

        var kept = _end - keepFrom;
        if (kept > 0 && keepFrom > 0)
        {
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
        }

        _bufferOffset += keepFrom;
        _pos -= keepFrom;
        if (_rawStart >= 0)
        {
            _rawStart -= keepFrom;
        }

        _end = kept;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    private (string[] Header, byte[] Raw, byte Delimiter, bool Crlf) ReadHeader()
    {
        // Read until the first line break outside quotes, at most MaxHeaderBytes.
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
                    CurrentLine++;
                    continue;
                }

                break;
            }

            if (b == (byte)'\n')
            {
                CurrentLine++;
            }

            line.Add(b);
            if (line.Count > MaxHeaderBytes)
            {
                var shown = System.Text.Encoding.UTF8.GetString(line.GetRange(0, 800).ToArray());
                throw new CsvInputException(Path, CurrentLine, 0, null, $"the header line is longer than {MaxHeaderBytes:N0} bytes: '{TextCap.Echo(shown)}'");
            }
        }

        if (line.Count == 0)
        {
            throw new CsvInputException(Path, 0, 0, null, "the file is empty; a header line is needed");
        }

        var crlf = line[^1] == (byte)'\r';
        if (crlf)
        {
            line.RemoveAt(line.Count - 1);
        }

        var raw = line.ToArray();
        CurrentLine++;
        var delimiter = DetectDelimiter(raw);
        var names = SplitHeader(raw, delimiter);
        return (names, raw, delimiter, crlf);
    }

    private static byte DetectDelimiter(ReadOnlySpan<byte> header)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var inQuotes = false;
        foreach (var b in header)
        {
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                var i = Array.IndexOf(Candidates, b);
                if (i >= 0)
                {
                    counts[i]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return Candidates[best];
    }

    private string[] SplitHeader(byte[] raw, byte delimiter)
    {
        var names = new List<string>();
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i <= raw.Length; i++)
        {
            if (i < raw.Length && raw[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (i == raw.Length || (raw[i] == delimiter && !inQuotes))
            {
                var field = new Field(names.Count) { Start = start };
                var bytes = raw.AsSpan(start, i - start);
                if (bytes.Length >= 2 && bytes[0] == (byte)'"' && bytes[^1] == (byte)'"')
                {
                    field.Quoted = true;
                    field.Start++;
                    bytes = bytes[1..^1];
                }
                else if (bytes.Contains((byte)'"'))
                {
                    throw new CsvInputException(Path, 1, names.Count + 1, null, "malformed quoting in the header");
                }

                field.Append(bytes);
                names.Add(Decode(field).Trim());
                start = i + 1;
            }
        }

        return [.. names];
    }

    private int ColumnIndex(string name)
    {
        var index = Array.IndexOf(Header, name);
        if (index >= 0)
        {
            return index;
        }

        var folded = Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        if (folded >= 0 && Header.Count(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) == 1)
        {
            return folded;
        }

        var suggestion = TextCap.Closest(name, Header);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{TextCap.Echo(suggestion)}'?";
        throw new CsvInputException(Path, 1, 0, null, $"no column '{TextCap.Echo(name)}'; the header has: {TextCap.Echo(string.Join(", ", Header))}{hint}");
    }

    /// <summary>One captured field of the current record: its raw bytes (inner <c>""</c> kept doubled), whether it was quoted, and where it started.</summary>
    private sealed class Field(int column)
    {
        private byte[] _bytes = new byte[64];

        public int Column { get; } = column;

        public int Length { get; private set; }

        public bool Quoted { get; set; }

        /// <summary>The absolute byte offset of the field's first content byte.</summary>
        public long Start { get; set; }

        public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

        public void Reset()
        {
            Length = 0;
            Quoted = false;
        }

        public bool Append(ReadOnlySpan<byte> bytes)
        {
            if (Length + bytes.Length > MaxFieldBytes)
            {
                return false;
            }

            if (Length + bytes.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Min(Math.Max(_bytes.Length * 2, Length + bytes.Length), MaxFieldBytes));
            }

            bytes.CopyTo(_bytes.AsSpan(Length));
            Length += bytes.Length;
            return true;
        }

        public void DropClosingQuote()
        {
            if (Length > 0 && _bytes[Length - 1] == (byte)'"')
            {
                Length--;
            }
        }

        public void TrimCarriageReturn()
        {
            if (Length > 0 && _bytes[Length - 1] == (byte)'\r')
            {
                Length--;
            }
        }
    }
}

/// <summary>How the text of an input file is decoded.</summary>
internal enum InputEncoding
{
    /// <summary>UTF-8, strictly: an invalid byte is an error.</summary>
    Utf8,

    /// <summary>ISO-8859-1: every byte is a character.</summary>
    Latin1,
}
