using System.Text;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Audit;

/// <summary>The state file: writing it, and reading it back with every field checked.</summary>
/// <remarks>
/// File format (little-endian, version 1): the magic <c>FGSTATE</c>, a version byte, k (int32), whether a
/// threshold was set (byte) and its value (double), the favourable side (byte: 0 high, 1 low), the group
/// column names (count, then length-prefixed UTF-8 strings), the score column name, rows, rows without a group,
/// non-finite scores (int64 each), the group count (int32), then per group its label, score sum (double),
/// selected count (int64) and sketch (length-prefixed <see cref="QuantileSketch.Serialize"/> bytes, which carry
/// their own checksum), and last the pool's sketch.
/// </remarks>
internal sealed partial class SketchState
{
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
}
