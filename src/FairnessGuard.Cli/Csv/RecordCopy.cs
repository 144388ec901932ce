namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Copies each record's bytes (without its line break) to <see cref="Target"/> as the tokenizer moves through its
/// buffer, so <c>correct</c> writes every untouched field byte for byte without holding the record: before the
/// buffer is refilled, what was read of the current record so far is written out.
/// </summary>
internal sealed class RecordCopy
{
    private int _start = -1;

    /// <summary>Where records go; null copies nothing.</summary>
    public OutputBuffer? Target { get; set; }

    /// <summary>Whether a record is being copied.</summary>
    public bool Active => _start >= 0;

    /// <summary>A record starts at buffer offset <paramref name="position"/>.</summary>
    public void Begin(int position) => _start = position;

    /// <summary>The record ends at buffer offset <paramref name="end"/> (its line break excluded): writes what is left of it.</summary>
    public void End(byte[] buffer, int end)
    {
        if (Target is not null && _start >= 0 && end > _start)
        {
            Target.Write(buffer.AsSpan(_start, end - _start));
        }

        _start = -1;
    }

    /// <summary>
    /// Before the buffer drops the bytes before <paramref name="keepFrom"/>: writes the record's bytes up to there
    /// (a trailing '\r' stays until its line break is seen) and returns where the buffer must keep from.
    /// </summary>
    public int BeforeShift(byte[] buffer, int keepFrom, int end)
    {
        if (_start < 0)
        {
            return keepFrom;
        }

        var flushEnd = Math.Min(keepFrom, end);
        if (Target is not null && flushEnd > _start)
        {
            Target.Write(buffer.AsSpan(_start, flushEnd - _start));
        }

        _start = Math.Max(_start, flushEnd);
        return Math.Min(keepFrom, _start);
    }

    /// <summary>The buffer moved its content <paramref name="by"/> bytes toward the start.</summary>
    public void Shift(int by)
    {
        if (_start >= 0)
        {
            _start -= by;
        }
    }
}
