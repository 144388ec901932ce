namespace FairnessGuard.Cli.Correction;

/// <summary>
/// The input's records held as read: the reader copies each record through
/// (<see cref="Csv.PredictionReader.PassThrough"/>) into this stream, so an in-sample <c>correct</c> writes the
/// output from memory instead of parsing the file a second time. One array: 2 MB at first, the file's size once
/// that is outgrown (one copy of 2 MB), doubling only if the file grew. A record longer than
/// <see cref="MaxRecordBytes"/> is not held: the store stops (<see cref="Overflowed"/>) and the caller streams instead.
/// </summary>
internal sealed class RecordStore(long expectedBytes) : Stream
{
    /// <summary>The longest record held (a longer one, e.g. a text column of megabytes, is streamed).</summary>
    public const int MaxRecordBytes = 1 << 20;

    private byte[] _bytes = GC.AllocateUninitializedArray<byte>((int)Math.Clamp(expectedBytes, 1024, 2 * MaxRecordBytes));
    private int _length;
    private int _recordStart;

    /// <summary>Whether a record was too long to hold; nothing more is stored then.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Empties the store for reuse (its array kept).</summary>
    public void Reset()
    {
        _length = 0;
        _recordStart = 0;
        Overflowed = false;
    }

    /// <summary>The current record ends here; returns its end offset.</summary>
    public int EndRecord() => _recordStart = _length;

    /// <summary>The bytes held.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => _length;

    /// <inheritdoc/>
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = (long)_length + buffer.Length;
        if (Overflowed || needed - _recordStart > MaxRecordBytes || needed > Array.MaxLength)
        {
            Overflowed = true;
            return;
        }

        if (needed > _bytes.Length)
        {
            var size = Math.Max(needed, _bytes.Length < expectedBytes ? expectedBytes : 2L * _bytes.Length);
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, size));
        }

        buffer.CopyTo(_bytes.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
