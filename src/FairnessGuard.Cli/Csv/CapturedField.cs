namespace FairnessGuard.Cli.Csv;

/// <summary>
/// One field a command reads (group, score or label) of the current record: its raw bytes (inner <c>""</c> kept
/// doubled), whether it was quoted, and the absolute byte offset where its content starts (for error messages).
/// </summary>
/// <param name="column">The 0-based column.</param>
/// <param name="name">The column's header name.</param>
internal sealed class CapturedField(int column, string name)
{
    /// <summary>The longest field accepted, in bytes.</summary>
    public const int MaxBytes = 1 << 20;

    private byte[] _bytes = new byte[64];

    /// <summary>The 0-based column.</summary>
    public int Column { get; } = column;

    /// <summary>The column's header name.</summary>
    public string Name { get; } = name;

    /// <summary>The number of bytes captured.</summary>
    public int Length { get; private set; }

    /// <summary>Whether the field was quoted (its <c>""</c> are then still doubled in <see cref="Bytes"/>).</summary>
    public bool Quoted { get; set; }

    /// <summary>The absolute byte offset of the field's first content byte.</summary>
    public long Start { get; set; }

    /// <summary>The bytes captured.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    /// <summary>Empties the field for the next record.</summary>
    public void Reset()
    {
        Length = 0;
        Quoted = false;
    }

    /// <summary>Sets the field to <paramref name="bytes"/>; false when longer than <see cref="MaxBytes"/>.</summary>
    public bool Set(ReadOnlySpan<byte> bytes, long start, bool quoted)
    {
        Length = 0;
        Quoted = quoted;
        Start = start;
        return Append(bytes);
    }

    /// <summary>Appends bytes; false (nothing appended) when the field would pass <see cref="MaxBytes"/>.</summary>
    public bool Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > MaxBytes)
        {
            return false;
        }

        if (Length + bytes.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Min(Math.Max(_bytes.Length * 2, Length + bytes.Length), MaxBytes));
        }

        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
        return true;
    }

    /// <summary>Drops the closing quote a quoted field captured.</summary>
    public void DropClosingQuote()
    {
        if (Length > 0 && _bytes[Length - 1] == (byte)'"')
        {
            Length--;
        }
    }

    /// <summary>Drops the '\r' of a <c>\r\n</c> line end captured by the last field of a record.</summary>
    public void TrimCarriageReturn()
    {
        if (Length > 0 && _bytes[Length - 1] == (byte)'\r')
        {
            Length--;
        }
    }
}
