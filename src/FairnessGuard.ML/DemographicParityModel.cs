using FairnessGuard.ML.Data;

namespace FairnessGuard.ML;

/// <summary>
/// The fitted state of <see cref="DemographicParityTransformer"/>: the group vocabularies, the calibration rows
/// (what is saved: the fit is a pure function of them, so a loaded model corrects bit for bit like the saved one)
/// and one <see cref="RankTable"/> (the exact barycenter map, tabulated) per stage, keyed by cell index.
/// </summary>
internal sealed class DemographicParityModel
{
    private const int FormatVersion = 1;
    private readonly RankTable? _single; // the score table when there is one stage over one column
    private long _unseen;

    private DemographicParityModel(DemographicParityOptions options, GroupVocabulary[] vocabularies, int[][] groupIndices, double[] scores, double[]? probabilities)
    {
        Options = options;
        Vocabularies = vocabularies;
        GroupIndices = groupIndices;
        Scores = scores;
        Probabilities = probabilities;
        var columnSets = options.Combination == GroupCombination.Intersection
            ? [Enumerable.Range(0, vocabularies.Length).ToArray()]
            : Enumerable.Range(0, vocabularies.Length).Select(c => new[] { c }).ToArray();
        Stages = new ParityStage[columnSets.Length];
        var y = (double[])scores.Clone();
        var p = (double[]?)probabilities?.Clone();
        for (var s = 0; s < Stages.Length; s++)
        {
            // Independent tie-breaking streams per stage, as the runtime's sequential corrector does.
            var seed = s == 0 ? options.Seed : options.Seed ^ (0xD1B54A32D192ED03UL * (ulong)(s + 1));
            Stages[s] = new ParityStage(columnSets[s], vocabularies, groupIndices, y, p, options.Strength, seed);
            if (s + 1 < Stages.Length)
            {
                Stages[s].ApplyToCalibration(y, p);
            }
        }

        _single = Stages.Length == 1 && vocabularies.Length == 1 ? Stages[0].Score : null;
    }

    public DemographicParityOptions Options { get; }

    public GroupVocabulary[] Vocabularies { get; }

    public int[][] GroupIndices { get; }

    public double[] Scores { get; }

    public double[]? Probabilities { get; }

    public ParityStage[] Stages { get; }

    public long UnseenGroupRows => Interlocked.Read(ref _unseen);

    /// <summary>The score table when there is one stage over one column (the cell is the column's index), else null.</summary>
    public RankTable? SingleTable => _single;

    /// <summary>
    /// With <see cref="SingleTable"/>: the cell of a row whose group is missing or unseen (counted when
    /// <paramref name="count"/>), −1 to pass the score through.
    /// </summary>
    public int Fallback(bool count)
    {
        if (count)
        {
            Interlocked.Increment(ref _unseen);
        }

        return Options.UnseenGroup == UnseenGroupFallback.LargestGroup ? Stages[0].Largest : -1;
    }

    public static DemographicParityModel Fit(DemographicParityOptions options, GroupVocabulary[] vocabularies, int[][] groupIndices, double[] scores, double[]? probabilities) =>
        new(options, vocabularies, groupIndices, scores, probabilities);

    /// <summary>
    /// Corrects one score given the row's group indices (one per group column, −1 when missing or unseen); never
    /// throws: a missing or unseen group gets the configured fallback and is counted.
    /// </summary>
    public double CorrectScore(double y, ReadOnlySpan<int> indices, long row, bool count)
    {
        if (_single is { } only)
        {
            // One stage over one column (the common case): the cell is the column's index.
            var index = indices[0];
            if (index < 0)
            {
                index = Resolve(Stages[0], indices, count);
            }

            return index >= 0 ? only.Apply(y, index, row) : y;
        }

        for (var s = 0; s < Stages.Length; s++)
        {
            var stage = Stages[s];
            var cell = Resolve(stage, indices, count && s == 0);
            if (cell >= 0)
            {
                y = stage.Score.Apply(y, cell, row);
            }
        }

        return y;
    }

    public double CorrectProbability(double p, ReadOnlySpan<int> indices, long row)
    {
        for (var s = 0; s < Stages.Length; s++)
        {
            var stage = Stages[s];
            var cell = Resolve(stage, indices, false);
            if (cell >= 0 && stage.Probability is { } corrector)
            {
                p = corrector.Apply(p, cell, row);
            }
        }

        return p;
    }

    private int Resolve(ParityStage stage, ReadOnlySpan<int> indices, bool count)
    {
        var cell = stage.Cell(indices);
        if (cell >= 0)
        {
            return cell;
        }

        if (count)
        {
            Interlocked.Increment(ref _unseen);
        }

        return Options.UnseenGroup == UnseenGroupFallback.LargestGroup ? stage.Largest : -1;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        var o = Options;
        writer.Write(o.GroupColumnNames.Count);
        foreach (var name in o.GroupColumnNames)
        {
            writer.Write(name);
        }

        writer.Write((int)o.Combination);
        writer.Write(o.ScoreColumnName);
        writer.Write(o.OutputColumnName ?? string.Empty);
        writer.Write(o.ProbabilityColumnName);
        writer.Write(o.PredictedLabelColumnName);
        writer.Write(o.Threshold);
        writer.Write(o.Strength);
        writer.Write(o.Seed);
        writer.Write((int)o.UnseenGroup);
        foreach (var v in Vocabularies)
        {
            writer.Write((byte)v.Kind);
            writer.Write(v.Count);
            foreach (var value in v.Values)
            {
                writer.Write(value);
            }
        }

        writer.Write(Scores.Length);
        writer.Write(Probabilities is not null);
        for (var i = 0; i < Scores.Length; i++)
        {
            writer.Write(Scores[i]);
            if (Probabilities is not null)
            {
                writer.Write(Probabilities[i]);
            }

            foreach (var column in GroupIndices)
            {
                writer.Write(column[i]);
            }
        }
    }

    public static DemographicParityModel Read(BinaryReader reader)
    {
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Demographic-parity state format {version} is not supported (expected {FormatVersion}).");
        }

        var names = new string[reader.ReadInt32()];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        var options = new DemographicParityOptions
        {
            GroupColumnNames = names,
            Combination = (GroupCombination)reader.ReadInt32(),
            ScoreColumnName = reader.ReadString(),
            OutputColumnName = reader.ReadString() is { Length: > 0 } output ? output : null,
            ProbabilityColumnName = reader.ReadString(),
            PredictedLabelColumnName = reader.ReadString(),
            Threshold = reader.ReadDouble(),
            Strength = reader.ReadDouble(),
            Seed = reader.ReadUInt64(),
            UnseenGroup = (UnseenGroupFallback)reader.ReadInt32(),
        };
        var vocabularies = new GroupVocabulary[names.Length];
        for (var c = 0; c < names.Length; c++)
        {
            vocabularies[c] = new GroupVocabulary(names[c], (GroupKind)reader.ReadByte());
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                vocabularies[c].Add(reader.ReadString());
            }
        }

        var rows = reader.ReadInt32();
        var hasProbabilities = reader.ReadBoolean();
        var scores = new double[rows];
        var probabilities = hasProbabilities ? new double[rows] : null;
        var groups = new int[names.Length][];
        for (var c = 0; c < groups.Length; c++)
        {
            groups[c] = new int[rows];
        }

        for (var i = 0; i < rows; i++)
        {
            scores[i] = reader.ReadDouble();
            if (probabilities is not null)
            {
                probabilities[i] = reader.ReadDouble();
            }

            for (var c = 0; c < groups.Length; c++)
            {
                groups[c][i] = reader.ReadInt32();
            }
        }

        return Fit(options.Validated(), vocabularies, groups, scores, probabilities);
    }
}
