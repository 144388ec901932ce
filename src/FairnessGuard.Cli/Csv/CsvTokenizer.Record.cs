namespace FairnessGuard.Cli.Csv;

/// <summary>The record state machine: fields split at delimiters outside quotes, quoted fields undone, records ended at line breaks.</summary>
internal sealed partial class CsvTokenizer
{
    /// <summary>Advances to the next data record; false at the end.</summary>
    /// <exception cref="CsvInputException">Malformed quoting, a field too long, or a field count unlike the header's.</exception>
    public bool Read()
    {
        foreach (var captured in _captured)
        {
            captured.Reset();
        }

        if (TryReadPlainLine())
        {
            return true;
        }

        var fields = 0;
        var started = false;
        var inQuotes = false;
        var quotePending = false;
        var closed = false;
        var fieldStarted = false;
        var fieldLine = _currentLine;
        CapturedField? field = null;
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
                        throw new CsvInputException(_path, Line, fields + 1, null, "malformed quoting: a quoted field is never closed before the end of the file");
                    }

                    EndField(ref fields, ref field, lastInRecord: true);
                    Copy.End(_buffer, _end);
                    return EndRecord(fields);
                }
            }

            if (!started)
            {
                var first = _buffer[_pos];
                if (first == (byte)'\n' || (first == (byte)'\r' && PeekNewLine()))
                {
                    _pos += first == (byte)'\r' ? 2 : 1;
                    _currentLine++;
                    continue;
                }

                started = true;
                Line = _currentLine;
                Copy.Begin(_pos);
                field = FieldOf(0);
                fieldLine = _currentLine;
            }

            if (inQuotes)
            {
                if (quotePending)
                {
                    if (_buffer[_pos] == (byte)'"')
                    {
                        Capture(field, (byte)'"');
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
                _currentLine += take.Count((byte)'\n');
                Capture(field, take);
                _pos += take.Length;
                if (q >= 0)
                {
                    Capture(field, (byte)'"');
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

                if (b != _delimiter && b != (byte)'\n')
                {
                    throw MalformedQuote(fields, fieldLine);
                }

                closed = false;
            }
            else if (!fieldStarted && b == (byte)'"')
            {
                inQuotes = true;
                fieldStarted = true;
                if (field is not null)
                {
                    field.Quoted = true;
                    field.Start = Position + 1;
                }

                _pos++;
                continue;
            }

            var rest = _buffer.AsSpan(_pos, _end - _pos);
            var stop = rest.IndexOfAny(_stops);
            if (stop < 0)
            {
                MarkStart(field, fieldStarted);
                Capture(field, rest);
                fieldStarted |= rest.Length > 0;
                _pos = _end;
                continue;
            }

            if (stop > 0)
            {
                MarkStart(field, fieldStarted);
                Capture(field, rest[..stop]);
                fieldStarted = true;
                _pos += stop;
            }

            b = _buffer[_pos];
            if (b == (byte)'"')
            {
                throw MalformedQuote(fields, fieldLine);
            }

            if (b == _delimiter)
            {
                EndField(ref fields, ref field, lastInRecord: false);
                _pos++;
                fieldStarted = false;
                fieldLine = _currentLine;
                continue;
            }

            // A line break ends the record; a '\r' before it is not part of the data.
            var rawEnd = _pos > 0 && _buffer[_pos - 1] == (byte)'\r' ? _pos - 1 : _pos;
            EndField(ref fields, ref field, lastInRecord: true);
            Copy.End(_buffer, rawEnd);
            _pos++;
            _currentLine++;
            return EndRecord(fields);
        }
    }

    /// <summary>
    /// The fast path, taken by nearly every record of an ordinary file: the whole line is in the buffer and holds no
    /// quote, so fields are the runs between delimiters (counted with one vectorised pass, split only up to the last
    /// captured column). Anything else (a quote, a blank line, a line across the buffer's end, the last line without
    /// a line break) is left to the state machine below, which handles every case.
    /// </summary>
    private bool TryReadPlainLine()
    {
        var span = _buffer.AsSpan(_pos, _end - _pos);
        var newLine = span.IndexOf((byte)'\n');
        if (newLine < 0 && !_eof && _pos > 0)
        {
            // A partial line at the buffer's end: move it to the front and read on, then look again.
            Refill();
            span = _buffer.AsSpan(_pos, _end - _pos);
            newLine = span.IndexOf((byte)'\n');
        }

        if (newLine <= 0)
        {
            return false;
        }

        var length = span[newLine - 1] == (byte)'\r' ? newLine - 1 : newLine;
        var line = span[..length];
        if (length == 0 || line.Contains((byte)'"'))
        {
            return false;
        }

        Line = _currentLine;
        var fields = line.Count(_delimiter) + 1;
        var lineStart = _bufferOffset + _pos;
        var at = 0;
        for (var column = 0; column <= _lastCaptured && column < fields; column++)
        {
            var rest = line[at..];
            var delimiter = rest.IndexOf(_delimiter);
            var field = delimiter < 0 ? rest : rest[..delimiter];
            if (_fieldOfColumn[column] is { } captured && !captured.Set(field, lineStart + at, quoted: false))
            {
                throw new CsvInputException(_path, Line, column + 1, captured.Name, $"the field is longer than {CapturedField.MaxBytes:N0} bytes");
            }

            at += field.Length + 1;
        }

        Copy.Begin(_pos);
        Copy.End(_buffer, _pos + length);
        _pos += newLine + 1;
        _currentLine++;
        return EndRecord(fields);
    }

    private CsvInputException MalformedQuote(int fields, long line) =>
        new(_path, line, fields + 1, null, "malformed quoting: a quote inside an unquoted field, or text after a closing quote (quote the whole field and double inner quotes)");

    private CapturedField? FieldOf(int column) => column < _fieldOfColumn.Length ? _fieldOfColumn[column] : null;

    private void MarkStart(CapturedField? field, bool fieldStarted)
    {
        if (field is not null && !fieldStarted)
        {
            field.Start = Position;
        }
    }

    private void Capture(CapturedField? field, ReadOnlySpan<byte> bytes)
    {
        if (field is not null && !bytes.IsEmpty && !field.Append(bytes))
        {
            throw new CsvInputException(_path, Line, field.Column + 1, field.Name, $"the field is longer than {CapturedField.MaxBytes:N0} bytes");
        }
    }

    private void Capture(CapturedField? field, byte b) => Capture(field, new ReadOnlySpan<byte>(in b));

    private void EndField(ref int fields, ref CapturedField? field, bool lastInRecord)
    {
        if (field is not null)
        {
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
        field = FieldOf(fields);
    }

    private bool EndRecord(int fields)
    {
        RowIndex++;
        if (fields != _fieldOfColumn.Length)
        {
            var column = Math.Min(fields, _fieldOfColumn.Length) + 1;
            throw new CsvInputException(_path, Line, column, null, $"the record has {fields} fields but the header has {_fieldOfColumn.Length}");
        }

        return true;
    }
}
