namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Maps a group key's bytes to one string per distinct key, so rows of a known group allocate nothing; a key's
/// bytes are decoded (strictly) only the first time they are seen.
/// </summary>
internal sealed class GroupInterner
{
    private Entry?[] _buckets = new Entry?[64];
    private int _count;

    /// <summary>The number of distinct keys seen.</summary>
    public int Count => _count;

    /// <summary>The distinct keys' strings, in no particular order.</summary>
    public IEnumerable<string> Values
    {
        get
        {
            foreach (var head in _buckets)
            {
                for (var e = head; e is not null; e = e.Next)
                {
                    yield return e.Value;
                }
            }
        }
    }

    /// <summary>The string of <paramref name="key"/>, decoded by <paramref name="reader"/> from its current record when new.</summary>
    public string Get(ReadOnlySpan<byte> key, PredictionReader reader)
    {
        var hash = Hash(key);
        for (var e = _buckets[hash & (_buckets.Length - 1)]; e is not null; e = e.Next)
        {
            if (e.Hash == hash && key.SequenceEqual(e.Key))
            {
                return e.Value;
            }
        }

        var value = reader.DecodeGroup();
        if (_count >= _buckets.Length)
        {
            Grow();
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        bucket = new Entry(hash, key.ToArray(), value, bucket);
        _count++;
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var h = default(HashCode);
        h.AddBytes(key);
        return h.ToHashCode();
    }

    private void Grow()
    {
        var buckets = new Entry?[_buckets.Length * 2];
        foreach (var head in _buckets)
        {
            for (var e = head; e is not null;)
            {
                var next = e.Next;
                ref var bucket = ref buckets[e.Hash & (buckets.Length - 1)];
                e.Next = bucket;
                bucket = e;
                e = next;
            }
        }

        _buckets = buckets;
    }

    private sealed class Entry(int hash, byte[] key, string value, Entry? next)
    {
        public int Hash { get; } = hash;

        public byte[] Key { get; } = key;

        public string Value { get; } = value;

        public Entry? Next { get; set; } = next;
    }
}
