using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// A run of consecutive CSV records as the reader thread of <see cref="PipelinedCorrection"/> fills it: the records'
/// bytes (copied through by the tokenizer, without line breaks), each row's group and score, the score field as read
/// of each row passed through; once the guard has run, each corrected row's fair score in place of its score. A batch closes at
/// <see cref="MaxRows"/> rows or <see cref="CloseBytes"/> bytes of records, so a few batches in flight stay within
/// a megabyte or two; it is reused.
/// </summary>
internal sealed class RowBatch
{
    /// <summary>The most rows a batch holds.</summary>
    public const int MaxRows = 1 << 13;

    /// <summary>A batch closes once its records reach this many bytes (a record over <see cref="RecordStore.MaxRecordBytes"/> is not held).</summary>
    public const int CloseBytes = 1 << 17;

    private readonly List<(int Row, byte[] Bytes, bool Quoted)> _raw = [];

    /// <summary>The records' bytes, one after another (the reader's copy of the records is directed here).</summary>
    public RecordStore Records { get; } = new(CloseBytes + (1 << 14));

    /// <summary>Where each record ends in <see cref="Records"/>.</summary>
    public int[] Ends { get; } = new int[MaxRows];

    /// <summary>Each row's group key; null when missing.</summary>
    public string?[] Groups { get; } = new string?[MaxRows];

    /// <summary>Each row's score, NaN when missing; the guard's thread replaces a corrected row's score by its fair score.</summary>
    public double[] Scores { get; } = new double[MaxRows];

    /// <summary>The rows held.</summary>
    public int Count { get; private set; }

    /// <summary>The 0-based data row index of the first row.</summary>
    public long FirstRow { get; private set; }

    /// <summary>The reader's byte position after the last row (for progress).</summary>
    public long Position { get; set; }

    /// <summary>Whether the batch is full (by rows or bytes).</summary>
    public bool Full => Count == MaxRows || (Count > 0 && Ends[Count - 1] >= CloseBytes);

    /// <summary>Empties the batch; its next row is data row <paramref name="firstRow"/>.</summary>
    public void Reset(long firstRow)
    {
        Records.Reset();
        Array.Clear(Groups, 0, Count);
        _raw.Clear();
        Count = 0;
        FirstRow = firstRow;
    }

    /// <summary>
    /// Adds the reader's current record, copied through to <paramref name="end"/> bytes into the batch; false when
    /// it was too long to hold (the batch's bytes outgrew <see cref="RecordStore.MaxRecordBytes"/>).
    /// </summary>
    public bool Add(PredictionReader reader, long end)
    {
        if (Records.Overflowed || end > RecordStore.MaxRecordBytes)
        {
            return false;
        }

        var row = Count;
        Ends[row] = (int)end;
        var group = reader.Group();
        var score = reader.Score();
        Groups[row] = group;
        Scores[row] = score;
        if (group is null || !double.IsFinite(score))
        {
            _raw.Add((row, reader.RawScore(out var quoted).ToArray(), quoted));
        }

        Count = row + 1;
        return true;
    }

    /// <summary>Writes the rows with their fair scores, as <see cref="PredictionWriter"/> writes them while streaming.</summary>
    public void WriteTo(PredictionWriter writer)
    {
        var records = Records.Bytes;
        var (start, raw) = (0, 0);
        for (var i = 0; i < Count; i++)
        {
            writer.WriteRecord(records[start..Ends[i]]);
            start = Ends[i];
            if (raw < _raw.Count && _raw[raw].Row == i)
            {
                var (_, bytes, quoted) = _raw[raw++];
                writer.WriteRaw(bytes, quoted);
            }
            else
            {
                writer.Write(Scores[i]);
            }
        }
    }
}
