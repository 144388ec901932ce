namespace FairnessGuard.Cli.Audit;

/// <summary>
/// A column of values read one row at a time into fixed chunks, then copied once into an exact-size array:
/// no doubling-and-copying of a growing list (at 10M rows a list copies every value about twice more and
/// leaves its outgrown arrays to the collector).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ChunkedColumn<T>
{
    // 2^17 values: 1 MB chunks of doubles, few enough that the chunk list stays small at any size.
    private const int ChunkLength = 1 << 17;

    private readonly List<T[]> _full = [];
    private T[] _current = new T[1024];
    private int _used;

    /// <summary>The values added.</summary>
    public long Count => ((long)_full.Count * ChunkLength) + _used;

    /// <summary>Appends a value.</summary>
    public void Add(T value)
    {
        if (_used == _current.Length)
        {
            Next();
        }

        _current[_used++] = value;
    }

    /// <summary>All values in order, then those of <paramref name="tail"/> if given, in a new array.</summary>
    public T[] ToArray(ChunkedColumn<T>? tail = null)
    {
        var result = GC.AllocateUninitializedArray<T>(checked((int)(Count + (tail?.Count ?? 0))));
        var offset = CopyTo(result, 0);
        tail?.CopyTo(result, offset);
        return result;
    }

    private int CopyTo(T[] result, int offset)
    {
        foreach (var chunk in _full)
        {
            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(offset));
        return offset + _used;
    }

    private void Next()
    {
        if (_current.Length < ChunkLength)
        {
            // The first chunk grows to full size, so a small file allocates little.
            Array.Resize(ref _current, Math.Min(_current.Length * 4, ChunkLength));
            return;
        }

        _full.Add(_current);
        _current = new T[ChunkLength];
        _used = 0;
    }
}
