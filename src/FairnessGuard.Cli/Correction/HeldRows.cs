using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// Every record of a CSV held as read, with its group (null when missing) and score (NaN when missing). The columns
/// are sized once from the file's length and the first rows' average length (no chunk copies at the end), so their
/// arrays may be longer than <see cref="Count"/>. A large file is read in two halves on two cores
/// (<see cref="CsvHalves{TPart}"/>): the second half's records stay in their own store, its rows are appended to the
/// columns and its group keys mapped to the first half's strings.
/// </summary>
internal sealed class HeldRows
{
    // Rows read before the row count is estimated.
    private const int Sample = 1 << 12;

    private int[] _ends = new int[Sample];
    private string?[] _groups = new string?[Sample];
    private double[] _scores = new double[Sample];

    // The second half's records (rows from _headRows on), when the file was read in two halves.
    private RecordStore? _tail;
    private int _headRows = int.MaxValue;

    private HeldRows(RecordStore records)
    {
        Records = records;
        Copy = new OutputBuffer(records);
    }

    /// <summary>The records' bytes, one after another, without their line breaks (the first half's, when read in two).</summary>
    private RecordStore Records { get; }

    // What the reader copies records through into Records.
    private OutputBuffer Copy { get; }

    /// <summary>Each row's group key, null when a group column is missing (the first <see cref="Count"/>).</summary>
    public string?[] Groups => _groups;

    /// <summary>Each row's score, NaN when missing (the first <see cref="Count"/>).</summary>
    public double[] Scores => _scores;

    /// <summary>The score field as read of each row passed through (no group, or no finite score).</summary>
    public Dictionary<int, (byte[] Bytes, bool Quoted)> RawScores { get; } = [];

    /// <summary>Rows without a group.</summary>
    public long MissingGroup { get; private set; }

    /// <summary>The rows.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Reads every record of <paramref name="reader"/> (a large file in two halves, the second opened by
    /// <paramref name="open"/>); null as soon as one is too long to hold.
    /// </summary>
    public static HeldRows? Read(PredictionReader reader, Func<PredictionReader> open, Action<long, long>? progress)
    {
        var rows = new HeldRows(new RecordStore(reader.Length));
        HeldRows? tail = null;
        using var halves = CsvHalves<HeldRows>.Start(
            reader,
            () =>
            {
                var second = open();
                tail = new HeldRows(new RecordStore(second.Length / 2));
                second.PassThrough = tail.Copy;
                return second;
            },
            () => tail!,
            (second, part) =>
            {
                // A record too long to hold drops the second half; the first reads on and meets it itself.
                if (!part.Add(second))
                {
                    throw new InvalidDataException("a record too long to hold");
                }
            });
        reader.PassThrough = rows.Copy;
        var watch = halves?.Boundary ?? long.MaxValue;
        while (reader.Read())
        {
            if (!rows.Add(reader))
            {
                return null;
            }

            RowSources.Tick(reader, progress);
            if (reader.Position >= watch)
            {
                watch = long.MaxValue;
                if (halves!.Joins(reader.Position) is { } second)
                {
                    rows.Append(second.Part, reader.GroupKeys);
                    break;
                }
            }
        }

        reader.PassThrough = null;
        return rows;
    }

    /// <summary>Row <paramref name="i"/>'s record bytes.</summary>
    public ReadOnlySpan<byte> Record(int i) => i < _headRows
        ? Records.Bytes[(i == 0 ? 0 : _ends[i - 1]).._ends[i]]
        : _tail!.Bytes[(i == _headRows ? 0 : _ends[i - 1]).._ends[i]];

    /// <summary>The bytes of the records of rows [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int RecordBytes(int from, int to)
    {
        var bytes = 0;
        if (from < _headRows)
        {
            bytes += _ends[Math.Min(to, _headRows) - 1] - (from == 0 ? 0 : _ends[from - 1]);
        }

        if (to > _headRows)
        {
            var start = Math.Max(from, _headRows);
            bytes += _ends[to - 1] - (start == _headRows ? 0 : _ends[start - 1]);
        }

        return bytes;
    }

    // Adds the reader's current record (copied through as it was parsed); false when it was too long to hold.
    private bool Add(PredictionReader reader)
    {
        // Where the store ends now, the record ends.
        Copy.Flush();
        if (Records.Overflowed)
        {
            return false;
        }

        var row = Count;
        if (row == _ends.Length)
        {
            Grow(reader);
        }

        _ends[row] = Records.EndRecord();
        var group = reader.Group();
        var score = reader.Score();
        _groups[row] = group;
        _scores[row] = score;
        if (group is null || !double.IsFinite(score))
        {
            MissingGroup += group is null ? 1 : 0;
            RawScores[row] = (reader.RawScore(out var quoted).ToArray(), quoted);
        }

        Count = checked(row + 1);
        return true;
    }

    // The second half's rows after these; its group keys (interned by its own reader) mapped to the first half's strings.
    private void Append(HeldRows tail, IEnumerable<string> headKeys)
    {
        var byText = headKeys.ToDictionary(k => k, StringComparer.Ordinal);
        var canonical = new Dictionary<string, string>(ReferenceEqualityComparer.Instance);
        var total = checked(Count + tail.Count);
        if (total > _ends.Length)
        {
            Resize(ref _ends, total);
            Resize(ref _groups, total);
            Resize(ref _scores, total);
        }

        tail._ends.AsSpan(0, tail.Count).CopyTo(_ends.AsSpan(Count));
        tail._scores.AsSpan(0, tail.Count).CopyTo(_scores.AsSpan(Count));
        string? from = null, to = null;
        for (var i = 0; i < tail.Count; i++)
        {
            var group = tail._groups[i];
            if (group is not null && !ReferenceEquals(group, from))
            {
                (from, to) = (group, canonical.TryGetValue(group, out var known) ? known : canonical[group] = byText.GetValueOrDefault(group, group));
            }

            _groups[Count + i] = group is null ? null : to;
        }

        foreach (var (row, raw) in tail.RawScores)
        {
            RawScores[Count + row] = raw;
        }

        MissingGroup += tail.MissingGroup;
        (_tail, _headRows, Count) = (tail.Records, Count, total);
    }

    // First from the sample to the estimated row count (the rest of the file at the sample's bytes a row, 5% spare), then by a quarter at a time.
    private void Grow(PredictionReader reader)
    {
        var estimate = Count == Sample && reader.Length > reader.Position && Records.Length > 0
            ? Count + (long)(Count * (double)(reader.Length - reader.Position) / Records.Length * 1.05) + Sample
            : Count + (Count / 4) + Sample;
        var size = (int)Math.Min(Array.MaxLength, Math.Max(estimate, Count + 1L));
        Resize(ref _ends, size);
        Resize(ref _groups, size);
        Resize(ref _scores, size);
    }

    private void Resize<T>(ref T[] array, int size)
    {
        var larger = GC.AllocateUninitializedArray<T>(size);
        array.AsSpan(0, Count).CopyTo(larger);
        array = larger;
    }
}
