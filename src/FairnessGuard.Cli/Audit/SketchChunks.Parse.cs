using System.Buffers;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Audit;

/// <content>
/// The cuts, and one chunk's parse: its rows' finite scores in one run per group (in file order), and its counts.
/// </content>
internal sealed partial class SketchChunks
{
    // The chunk starts: the first record, then the byte after the first line break at or after every 1 MB step (every
    // 256 KB step in the last 4 MB, so the last chunk, parsed on one thread while the other may idle, is short), then the end.
    private static long[]? Bounds(string path, long start, long length)
    {
        var bounds = new List<long> { start };
        var buffer = new byte[SearchBytes];
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            for (var nominal = start + ChunkBytes; nominal < length; nominal += length - nominal > TailBytes ? ChunkBytes : TailChunkBytes)
            {
                var next = LineStarts.After(probe, Math.Max(nominal, bounds[^1]), buffer);
                if (next >= 0 && next < length)
                {
                    bounds.Add(next);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        bounds.Add(length);
        return bounds.Count > 2 ? [.. bounds] : null;
    }

    // Reads chunk c with its lines and records counted from 1 and 0; any failure leaves it unclean (a sequential pass meets it again).
    private Chunk Parse(PredictionReader reader, int c)
    {
        var (start, end) = (_bounds[c], _bounds[c + 1]);
        var chunk = new Chunk();
        try
        {
            reader.SeekTo(start, end, line: 1, row: 0);
            string? lastKey = null;
            var last = -1;
            while (reader.Read())
            {
                var group = reader.Group();
                var score = reader.Score();
                if (group is null)
                {
                    chunk.MissingGroup++;
                    continue;
                }

                chunk.Rows++;
                if (!ReferenceEquals(group, lastKey))
                {
                    last = chunk.Local(group);
                    if (last < 0)
                    {
                        return chunk;
                    }

                    lastKey = group;
                }

                if (!double.IsFinite(score))
                {
                    chunk.NonFinite++;
                    continue;
                }

                chunk.Add(last, score);
            }

            chunk.Lines = reader.NextLine - 1;
            chunk.Records = reader.RowIndex + 1;
            chunk.Clean = reader.Position == end;
        }
#pragma warning disable CA1031 // Any failure leaves the chunk unclean: the sequential pass meets the same problem and reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            chunk.Clean = false;
        }

        return chunk;
    }

    /// <summary>A parsed chunk: its distinct group keys in order of first appearance, each one's finite scores, and its counts.</summary>
    private sealed class Chunk
    {
        private const int FirstLength = 1 << 12;

        private readonly double[][] _scores = new double[MaxGroups][];
        private readonly int[] _counts = new int[MaxGroups];

        /// <summary>The group keys (the parsing reader's strings), in order of first appearance.</summary>
        public List<string> Keys { get; } = [];

        /// <summary>Records with a group.</summary>
        public long Rows { get; set; }

        /// <summary>Records without a group.</summary>
        public long MissingGroup { get; set; }

        /// <summary>Records with a group but a missing or non-finite score.</summary>
        public long NonFinite { get; set; }

        /// <summary>Lines the chunk spans.</summary>
        public long Lines { get; set; }

        /// <summary>Records in the chunk.</summary>
        public long Records { get; set; }

        /// <summary>Whether it parsed without error and ended a record exactly at its end.</summary>
        public bool Clean { get; set; }

        /// <summary>Groups whose run has not been fed into its sketch yet (set under the gate).</summary>
        public int Remaining { get; set; }

        /// <summary>The local index of <paramref name="key"/>, added when new; −1 past <see cref="MaxGroups"/> keys.</summary>
        public int Local(string key)
        {
            for (var i = 0; i < Keys.Count; i++)
            {
                if (ReferenceEquals(Keys[i], key))
                {
                    return i;
                }
            }

            if (Keys.Count == MaxGroups)
            {
                return -1;
            }

            _scores[Keys.Count] = ArrayPool<double>.Shared.Rent(FirstLength);
            Keys.Add(key);
            return Keys.Count - 1;
        }

        /// <summary>Appends a finite score to a group's run.</summary>
        public void Add(int local, double score)
        {
            var run = _scores[local];
            var count = _counts[local];
            if (count == run.Length)
            {
                var longer = ArrayPool<double>.Shared.Rent(run.Length * 2);
                run.AsSpan().CopyTo(longer);
                ArrayPool<double>.Shared.Return(run);
                _scores[local] = run = longer;
            }

            run[count] = score;
            _counts[local] = count + 1;
        }

        /// <summary>The number of finite scores of a group.</summary>
        public int Count(int local) => _counts[local];

        /// <summary>A group's finite scores in file order.</summary>
        public ReadOnlySpan<double> Scores(int local) => _scores[local].AsSpan(0, _counts[local]);

        /// <summary>Returns the runs to the pool.</summary>
        public void Release()
        {
            for (var i = 0; i < Keys.Count; i++)
            {
                ArrayPool<double>.Shared.Return(_scores[i]);
                _scores[i] = [];
            }
        }
    }
}
