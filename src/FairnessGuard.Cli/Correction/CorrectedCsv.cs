using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// Writes held records with the fair score appended, exactly as <see cref="PredictionWriter"/> writes them while
/// streaming: the header and the new column's name, then per row its bytes, the delimiter, the number (or the
/// score field as read, for a row passed through) and the header's line break. Chunks of rows are formatted on
/// every core (the shortest round-trip form of a double is most of the cost) and written in file order.
/// </summary>
internal static class CorrectedCsv
{
    // Rows a chunk holds; a batch of chunks is formatted in parallel, then written.
    private const int ChunkRows = 1 << 14;
    private const int ChunksPerBatch = 16;

    // Room for one number: "R" of a double is at most 24 characters.
    private const int NumberRoom = ShortestDouble.MaxBytes;

    /// <summary>Writes the file and counts what was corrected.</summary>
    public static CorrectSummary Write(Stream stream, PredictionReader reader, HeldRows rows, double[] fair, string fairColumn)
    {
        // The header line and the new column's name, as the streaming writer puts them.
        new PredictionWriter(stream, reader, fairColumn).Complete();
        reader.PassThrough = null;

        // Two sets of chunk buffers: while one batch is written here, the next is formatted on the pool.
        var chunks = (rows.Count + ChunkRows - 1) / ChunkRows;
        var batches = new[] { new Batch(), new Batch() };
        Task Start(int first, Batch batch) => Task.Run(() =>
        {
            batch.Count = Math.Min(ChunksPerBatch, chunks - first);
            Parallel.For(0, batch.Count, c =>
            {
                var (from, to) = ((first + c) * ChunkRows, Math.Min(rows.Count, (first + c + 1) * ChunkRows));
                (batch.Buffers[c], batch.Lengths[c], batch.Changed[c]) = Format(reader, rows, fair, from, to, batch.Buffers[c]);
            });
        });

        long changed = 0;
        var pending = chunks > 0 ? Start(0, batches[0]) : Task.CompletedTask;
        for (var (first, b) = (0, 0); first < chunks; first += ChunksPerBatch, b ^= 1)
        {
            pending.GetAwaiter().GetResult();
            Commands.CliCancellation.ThrowIfCancelled();
            pending = first + ChunksPerBatch < chunks ? Start(first + ChunksPerBatch, batches[b ^ 1]) : Task.CompletedTask;
            var batch = batches[b];
            for (var c = 0; c < batch.Count; c++)
            {
                stream.Write(batch.Buffers[c]!, 0, batch.Lengths[c]);
                changed += batch.Changed[c];
            }
        }

        // RawScores holds exactly the rows passed through: no group, or a group and no finite score.
        var corrected = rows.Count - rows.RawScores.Count;
        return new CorrectSummary(rows.Count, corrected, changed, rows.RawScores.Count - rows.MissingGroup, rows.MissingGroup, fairColumn);
    }

    // Rows [from, to) into the chunk's buffer (reused from batch to batch: fresh megabyte arrays cost page faults):
    // the bytes, their length and how many fair scores differ from the raw ones.
    private static (byte[] Bytes, int Length, long Changed) Format(PredictionReader reader, HeldRows rows, double[] fair, int from, int to, byte[]? buffer)
    {
        var newLine = reader.NewLine;
        var size = rows.RecordBytes(from, to) + ((to - from) * (1 + NumberRoom + newLine.Length));
        if (buffer is null || buffer.Length < size)
        {
            buffer = GC.AllocateUninitializedArray<byte>(size + (size / 8));
        }

        var at = 0;
        long changed = 0;
        for (var i = from; i < to; i++)
        {
            var record = rows.Record(i);
            var passed = rows.Groups[i] is null || !double.IsFinite(rows.Scores[i]);
            var need = at + record.Length + 1 + (passed ? rows.RawScores[i].Bytes.Length + 2 : NumberRoom) + newLine.Length;
            if (need > buffer.Length)
            {
                // Only a long passed-through score field can outgrow the room reserved per row.
                var larger = GC.AllocateUninitializedArray<byte>(Math.Max(need, 2 * buffer.Length));
                buffer.AsSpan(0, at).CopyTo(larger);
                buffer = larger;
            }

            record.CopyTo(buffer.AsSpan(at));
            at += record.Length;
            buffer[at++] = reader.DelimiterByte;
            if (passed)
            {
                at += PassedThrough(rows.RawScores[i], buffer.AsSpan(at));
            }
            else
            {
                at += ShortestDouble.Format(fair[i], buffer.AsSpan(at));
                changed += fair[i].Equals(rows.Scores[i]) ? 0 : 1;
            }

            newLine.CopyTo(buffer.AsSpan(at));
            at += newLine.Length;
        }

        return (buffer, at, changed);
    }

    private static int PassedThrough((byte[] Bytes, bool Quoted) raw, Span<byte> to)
    {
        var at = 0;
        if (raw.Quoted)
        {
            to[at++] = (byte)'"';
        }

        raw.Bytes.CopyTo(to[at..]);
        at += raw.Bytes.Length;
        if (raw.Quoted)
        {
            to[at++] = (byte)'"';
        }

        return at;
    }

    // One batch of formatted chunks.
    private sealed class Batch
    {
        public byte[]?[] Buffers { get; } = new byte[ChunksPerBatch][];

        public int[] Lengths { get; } = new int[ChunksPerBatch];

        public long[] Changed { get; } = new long[ChunksPerBatch];

        public int Count { get; set; }
    }
}
