namespace FairnessGuard.Cli.Csv;

/// <summary>
/// A 64 KB byte buffer in front of an output stream: the CSV writer makes several small writes a row (the record
/// copied through, a delimiter, a number, a line break), and one array copy each is far cheaper than a stream call
/// each. Numbers are formatted straight into the buffer.
/// </summary>
internal sealed class OutputBuffer(Stream output)
{
    private const int Size = 1 << 16;
    private readonly byte[] _buffer = new byte[Size];
    private int _count;
    private long _flushed;

    /// <summary>Bytes given to the buffer so far (written to the stream or not).</summary>
    public long Written => _flushed + _count;

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Size - _count)
        {
            Flush();
            if (bytes.Length > Size)
            {
                output.Write(bytes);
                _flushed += bytes.Length;
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <summary>Appends one byte.</summary>
    public void WriteByte(byte b)
    {
        if (_count == Size)
        {
            Flush();
        }

        _buffer[_count++] = b;
    }

    /// <summary>Appends a number in the shortest form that reads back exactly (invariant culture, as <c>"R"</c> writes it).</summary>
    public void WriteNumber(double value)
    {
        if (Size - _count < 64)
        {
            Flush();
        }

        _count += Correction.ShortestDouble.Format(value, _buffer.AsSpan(_count));
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        output.Write(_buffer, 0, _count);
        _flushed += _count;
        _count = 0;
    }

    /// <summary>Writes what is buffered to the stream, then sends what follows to <paramref name="stream"/>.</summary>
    public void Redirect(Stream stream)
    {
        Flush();
        output = stream;
    }
}
