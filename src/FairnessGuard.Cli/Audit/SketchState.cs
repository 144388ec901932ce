using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// What a sketched audit accumulates from one shard: per group a KLL <see cref="QuantileSketch"/>, the score sum
/// and the selected count, plus the pool's sketch and the file counts. <c>audit --save-state</c> writes it (a few
/// kilobytes a group) and <c>merge</c> adds shards together and audits the whole. The file format is in SketchState.File.cs.
/// </summary>
internal sealed partial class SketchState
{
    /// <summary>The version written; a reader refuses others.</summary>
    public const byte Version = 1;

    private const int MaxGroups = 1_000_000;
    private const int MaxString = 1 << 16;
    private const int FirstGroups = 8;
    private static readonly byte[] Magic = "FGSTATE"u8.ToArray();

    private readonly Dictionary<string, GroupState> _byName = new(StringComparer.Ordinal);
    private readonly List<GroupState> _first = [];

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
        // A reader's keys are interned: the first groups are found by reference, without a hash.
        foreach (var first in _first)
        {
            if (ReferenceEquals(name, first.Name))
            {
                return first;
            }
        }

        if (!_byName.TryGetValue(name, out var state))
        {
            _byName[name] = state = new GroupState(name, new QuantileSketch(K, seed: (ulong)Groups.Count + 2));
            Groups.Add(state);
            if (_first.Count < FirstGroups)
            {
                _first.Add(state);
            }
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

    /// <summary>Adds finite scores of a group in order: the same sketch and sums as <see cref="Add"/> one at a time.</summary>
    public void AddRange(GroupState group, ReadOnlySpan<double> scores)
    {
        var (sketch, sum, selected) = (group.Sketch, group.Sum, 0L);
        if (Threshold is { } t)
        {
            var high = Favorable == FavorableOutcome.High;
            foreach (var score in scores)
            {
                sketch.Update(score);
                sum += score;
                selected += (score >= t) == high ? 1 : 0;
            }
        }
        else
        {
            foreach (var score in scores)
            {
                sketch.Update(score);
                sum += score;
            }
        }

        group.Sum = sum;
        group.Selected += selected;
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
