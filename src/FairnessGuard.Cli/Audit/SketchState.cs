using System.Text;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// What a sketched audit accumulates from one shard: per group a KLL <see cref="QuantileSketch"/>, the score sum
/// and the selected count, plus the pool's sketch and the file counts. <c>audit --save-state</c> writes it (a few
/// kilobytes a group) and <c>merge</c> adds shards together and audits the whole.
/// </summary>
/// <remarks>
/// File format (little-endian, version 1): the magic <c>FGSTATE</c>, a version byte, k (int32), whether a
/// threshold was set (byte) and its value (double), the favourable side (byte: 0 high, 1 low), the group
/// column names (count, then length-prefixed UTF-8 strings), the score column name, rows, rows without a group,
/// non-finite scores (int64 each), the group count (int32), then per group its label, score sum (double),
/// selected count (int64) and sketch (length-prefixed <see cref="QuantileSketch.Serialize"/> bytes, which carry
/// their own checksum), and last the pool's sketch.
/// </remarks>
internal sealed class SketchState
{
    /// <summary>The version written; a reader refuses others.</summary>
    public const byte Version = 1;

    private const int MaxGroups = 1_000_000;
    private const int MaxString = 1 << 16;
    private static readonly byte[] Magic = "FGSTATE"u8.ToArray();

    private readonly Dictionary<string, GroupState> _byName = new(StringComparer.Ordinal);

    /// <summary>Starts an empty state.</summary>
    public SketchState(int k, double? threshold, FavorableOutcome favorable, IReadOnlyList<string> groupColumns, string scoreColumn)
    {
        K = k;
        Threshold = threshold;
        Favorable = favorable;
        GroupColumns = groupColumns;
        ScoreColumn = scoreColumn;
        Pool = new QuantileSketch(k, seed: 1);
    }

    /// <summary>The sketches' k.</summary>
    public int K { get; }

    /// <summary>The threshold the selected counts were taken at, if any.</summary>
    public double? Threshold { get; }

    /// <summary>The favourable side the selected counts were taken for.</summary>
    public FavorableOutcome Favorable { get; }

    /// <summary>The group column name(s).</summary>
    public IReadOnlyList<string> GroupColumns { get; }

    /// <summary>The score column name.</summary>
    public string ScoreColumn { get; }

    /// <summary>Rows with a group.</summary>
    public long Rows { get; set; }

    /// <summary>Rows left out for a missing group.</summary>
    public long MissingGroup { get; set; }

    /// <summary>Rows with a group but a missing or non-finite score.</summary>
    public long NonFinite { get; set; }

    /// <summary>The groups in order of first appearance.</summary>
    public List<GroupState> Groups { get; } = [];

    /// <summary>The sketch of all finite scores.</summary>
    public QuantileSketch Pool { get; private set; }

    /// <summary>The group's state, created (empty) on first sight.</summary>
    public GroupState Group(string name)
    {
        if (!_byName.TryGetValue(name, out var state))
        {
            _byName[name] = state = new GroupState(name, new QuantileSketch(K, seed: (ulong)Groups.Count + 2));
            Groups.Add(state);
        }

        return state;
    }

    /// <summary>Adds a finite score of a group.</summary>
    public void Add(GroupState group, double score)
    {
        group.Sketch.Update(score);
        group.Sum += score;
        group.Selected += Threshold is { } t && (score >= t) == (Favorable == FavorableOutcome.High) ? 1 : 0;
    }

    /// <summary>
    /// Sets the pool's sketch to the merge of the groups' (KLL sketches merge keeping their rank-error bound), once
    /// after a pass: one sketch update a row instead of two.
    /// </summary>
    public void PoolGroups()
    {
        Pool = new QuantileSketch(K, seed: 1);
        foreach (var group in Groups)
        {
            Pool.Merge(group.Sketch);
        }
    }

    /// <summary>Adds another shard into this one (its groups matched by label; new ones appended).</summary>
    /// <exception cref="CsvInputException">The shards disagree on k, columns, threshold or favourable side.</exception>
    public void Merge(SketchState other, string otherPath)
    {
        if (other.K != K)
        {
            throw new CsvInputException(otherPath, 0, 0, null, $"shard sketched with k = {other.K}, the first with k = {K}; save every shard with the same --sketch");
        }

        if (other.Threshold != Threshold || other.Favorable != Favorable)
        {
            throw new CsvInputException(otherPath, 0, 0, null, "shard saved with another --threshold or --favorable than the first; save every shard with the same ones");
        }

        if (!other.GroupColumns.SequenceEqual(GroupColumns, StringComparer.Ordinal) || other.ScoreColumn != ScoreColumn)
        {
            throw new CsvInputException(otherPath, 0, 0, null, $"shard of columns {Describe(other)}, the first of {Describe(this)}; merge shards of the same audit");
        }

        Rows += other.Rows;
        MissingGroup += other.MissingGroup;
        NonFinite += other.NonFinite;
        foreach (var g in other.Groups)
        {
            var mine = Group(g.Name);
            mine.Sketch.Merge(g.Sketch);
            mine.Sum += g.Sum;
            mine.Selected += g.Selected;
        }

        Pool.Merge(other.Pool);
    }

    /// <summary>Writes the state to a stream.</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(K);
        w.Write(Threshold.HasValue);
        w.Write(Threshold ?? 0);
        w.Write((byte)(Favorable == FavorableOutcome.High ? 0 : 1));
        w.Write(GroupColumns.Count);
        foreach (var c in GroupColumns)
        {
            w.Write(c);
        }

        w.Write(ScoreColumn);
        w.Write(Rows);
        w.Write(MissingGroup);
        w.Write(NonFinite);
        w.Write(Groups.Count);
        foreach (var g in Groups)
        {
            w.Write(g.Name);
            w.Write(g.Sum);
            w.Write(g.Selected);
            WriteSketch(w, g.Sketch);
        }

        WriteSketch(w, Pool);
    }

    /// <summary>Reads a state file.</summary>
    /// <exception cref="CsvInputException">Not a state file, another version, truncated or corrupt.</exception>
    public static SketchState Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (bytes.Length < Magic.Length + 1 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                throw Bad(path, "not a fairness-guard state file (write one with audit --save-state)");
            }

            r.ReadBytes(Magic.Length);
            var version = r.ReadByte();
            if (version != Version)
            {
                throw Bad(path, $"state file version {version}; this tool reads version {Version}");
            }

            var k = r.ReadInt32();
            if (k is < QuantileSketch.MinK or > QuantileSketch.MaxK)
            {
                throw Bad(path, $"sketch k = {k} is out of range");
            }

            var hasThreshold = r.ReadBoolean();
            var threshold = r.ReadDouble();
            var favorable = r.ReadByte() switch { 0 => FavorableOutcome.High, 1 => FavorableOutcome.Low, _ => throw Bad(path, "bad favourable side") };
            var columnCount = r.ReadInt32();
            if (columnCount is < 1 or > 64)
            {
                throw Bad(path, "bad group column count");
            }

            var columns = new string[columnCount];
            for (var i = 0; i < columnCount; i++)
            {
                columns[i] = ReadString(r, path);
            }

            var state = new SketchState(k, hasThreshold ? threshold : null, favorable, columns, ReadString(r, path))
            {
                Rows = ReadCount(r, path),
                MissingGroup = ReadCount(r, path),
                NonFinite = ReadCount(r, path),
            };
            var groups = r.ReadInt32();
            if (groups is < 0 or > MaxGroups)
            {
                throw Bad(path, $"group count {groups} is out of range");
            }

            for (var g = 0; g < groups; g++)
            {
                var name = ReadString(r, path);
                if (state._byName.ContainsKey(name))
                {
                    throw Bad(path, $"group '{TextCap.Echo(name)}' appears twice");
                }

                var sum = r.ReadDouble();
                var selected = ReadCount(r, path);
                var sketch = ReadSketch(r, path, k);
                var group = new GroupState(name, sketch) { Sum = sum, Selected = selected };
                state._byName[name] = group;
                state.Groups.Add(group);
            }

            state.Pool = ReadSketch(r, path, k);
            if (r.BaseStream.Position != bytes.Length)
            {
                throw Bad(path, "trailing bytes after the state");
            }

            return state;
        }
        catch (EndOfStreamException)
        {
            throw Bad(path, "the state file is truncated");
        }
        catch (DecoderFallbackException)
        {
            throw Bad(path, "a label is not valid UTF-8");
        }
    }

    private static string Describe(SketchState s) => $"'{TextCap.Echo(string.Join(ColumnSpec.GroupSeparator, s.GroupColumns))}' by '{TextCap.Echo(s.ScoreColumn)}'";

    private static void WriteSketch(BinaryWriter w, QuantileSketch sketch)
    {
        var bytes = sketch.Serialize();
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static QuantileSketch ReadSketch(BinaryReader r, string path, int k)
    {
        var length = r.ReadInt32();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw Bad(path, "a sketch's length is out of range (truncated or corrupt)");
        }

        var bytes = r.ReadBytes(length);
        if (!QuantileSketch.TryDeserialize(bytes, QuantileSketch.MaxK, out var sketch, out var error))
        {
            throw Bad(path, $"a sketch is corrupt: {error}");
        }

        if (sketch.K != k)
        {
            throw Bad(path, $"a sketch has k = {sketch.K}, the state k = {k}");
        }

        return sketch;
    }

    private static string ReadString(BinaryReader r, string path)
    {
        var s = r.ReadString();
        return s.Length <= MaxString ? s : throw Bad(path, "a label is too long");
    }

    private static long ReadCount(BinaryReader r, string path)
    {
        var n = r.ReadInt64();
        return n >= 0 ? n : throw Bad(path, "a negative count");
    }

    private static CsvInputException Bad(string path, string problem) => new(path, 0, 0, null, problem);

    /// <summary>One group's accumulated figures.</summary>
    internal sealed class GroupState(string name, QuantileSketch sketch)
    {
        /// <summary>The group label.</summary>
        public string Name { get; } = name;

        /// <summary>The group's finite scores.</summary>
        public QuantileSketch Sketch { get; } = sketch;

        /// <summary>The sum of the group's finite scores.</summary>
        public double Sum { get; set; }

        /// <summary>Scores on the favourable side of the threshold.</summary>
        public long Selected { get; set; }
    }
}
