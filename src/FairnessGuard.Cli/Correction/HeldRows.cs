using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// Every record of a CSV held as read, with its group (null when missing) and score (NaN when missing). The columns
/// are sized once from the file's length and the first rows' average length (no chunk copies at the end), so their
/// arrays may be longer than <see cref="Count"/>.
/// </summary>
internal sealed class HeldRows
{
    // Rows read before the row count is estimated.
    private const int Sample = 1 << 12;

    private int[] _ends = new int[Sample];
    private string?[] _groups = new string?[Sample];
    private double[] _scores = new double[Sample];

    private HeldRows(RecordStore records) => Records = records;

    /// <summary>The records' bytes, one after another, without their line breaks.</summary>
    public RecordStore Records { get; }

    /// <summary>Where each record ends in <see cref="Records"/> (the first <see cref="Count"/>).</summary>
    public int[] Ends => _ends;

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

    /// <summary>Reads every record of <paramref name="reader"/>; null as soon as one is too long to hold.</summary>
    public static HeldRows? Read(PredictionReader reader, Action<long, long>? progress)
    {
        var rows = new HeldRows(new RecordStore(reader.Length));
        var copy = new OutputBuffer(rows.Records);
        reader.PassThrough = copy;
        while (reader.Read())
        {
            // The record was copied through as it was parsed: where the store ends now, it ends.
            copy.Flush();
            if (rows.Records.Overflowed)
            {
                return null;
            }

            var row = rows.Count;
            if (row == rows._ends.Length)
            {
                rows.Grow(reader);
            }

            rows._ends[row] = rows.Records.EndRecord();
            var group = reader.Group();
            var score = reader.Score();
            rows._groups[row] = group;
            rows._scores[row] = score;
            if (group is null || !double.IsFinite(score))
            {
                rows.MissingGroup += group is null ? 1 : 0;
                rows.RawScores[row] = (reader.RawScore(out var quoted).ToArray(), quoted);
            }

            rows.Count = checked(row + 1);
            RowSources.Tick(reader, progress);
        }

        reader.PassThrough = null;
        return rows;
    }

    // First from the sample to the estimated row count (5% spare), then by a quarter at a time.
    private void Grow(PredictionReader reader)
    {
        var estimate = Count == Sample && reader.Position > 0 && reader.Length > reader.Position
            ? (long)(Count * (double)reader.Length / reader.Position * 1.05) + Sample
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
