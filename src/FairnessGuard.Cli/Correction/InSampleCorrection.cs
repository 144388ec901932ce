using FairnessGuard.Cli.Audit;
using FairnessGuard.Cli.Csv;
using FairnessGuard.Correction;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// <c>correct --mode batch</c> on a CSV with no calibration file (the input is its own calibration), CSV out, in
/// one parse: the records are held as read (<see cref="RecordStore"/>, the file's size) with each row's group and
/// score, the map is fitted and applied in one pass (<see cref="ExactBarycenterCorrector{TGroup}.FitAndApply"/>),
/// and the output is formatted in parallel chunks and written in file order. The bytes are those of the streaming
/// path (<see cref="PredictionWriter"/> after <see cref="BatchRowCorrector"/>): the records byte for byte, the
/// fair score in the shortest form that reads back exactly, a missing score passed through as read.
/// </summary>
internal static class InSampleCorrection
{
    /// <summary>Above this input size the records are not held: the streaming path parses twice instead.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Whether <paramref name="settings"/> take this path.</summary>
    public static bool Applies(CorrectSettings settings) =>
        settings.Mode == CorrectionMode.Batch && settings.CalibrationPath is null && !settings.ParquetInput && !settings.ParquetOutput
        && new FileInfo(settings.Path) is { Exists: true, Length: > 0 and <= MaxBytes };

    /// <summary>Runs the correction into <paramref name="settings"/>' output (atomically); null when a record is too long to hold (stream instead).</summary>
    /// <exception cref="CsvInputException">Bad input or fewer than two groups; the output file was not created or changed.</exception>
    public static CorrectSummary? Run(CorrectSettings settings, Action<long, long>? progress)
    {
        var columns = settings.Columns with { Label = null };
        using var reader = PredictionReader.Open(settings.Path, columns, settings.Encoding, settings.DecimalComma);
        var fairColumn = reader.ScoreName + "_fair";
        if (Array.IndexOf(reader.Header, fairColumn) is var existing and >= 0)
        {
            throw new CsvInputException(settings.Path, 1, existing + 1, fairColumn, "the output column already exists in the input");
        }

        if (HeldRows.Read(reader, progress) is not { } rows)
        {
            return null;
        }

        var fair = Fit(settings, rows);
        CorrectSummary? summary = null;
        AtomicFile.WriteBytes(settings.OutputPath, stream => summary = CorrectedCsv.Write(stream, reader, rows, fair, fairColumn));
        return summary!;
    }

    // The fair score of every row with a group and a finite score (the rest are passed through).
    private static double[] Fit(CorrectSettings settings, HeldRows rows)
    {
        var path = settings.Path;
        AuditOutcome.RequireTwoGroups(path, rows.Groups.Where((g, i) => g is not null && double.IsFinite(rows.Scores[i])).Distinct(StringComparer.Ordinal).Take(2).ToArray()!);
        var options = new BarycenterOptions { Strength = settings.Strength, Seed = settings.Seed };
        try
        {
            var fair = new double[rows.Count];
            if (rows.MissingGroup == 0)
            {
                // Every row has a group: row i of the data is row i of the file (the tie-breaking draw's index).
                ExactBarycenterCorrector<string>.FitAndApply(rows.Scores, rows.Groups!, fair, options);
                return fair;
            }

            // Rows without a group are left out of the fit but keep their place: each row's draw is its file row.
            var keep = rows.Groups.Select((g, i) => g is not null).ToArray();
            var corrector = ExactBarycenterCorrector<string>.Fit(
                rows.Scores.Where((_, i) => keep[i]).ToArray(), rows.Groups.Where(g => g is not null).ToArray()!, options);
            for (var i = 0; i < fair.Length; i++)
            {
                fair[i] = rows.Groups[i] is { } group && double.IsFinite(rows.Scores[i]) ? corrector.Apply(rows.Scores[i], group, i) : rows.Scores[i];
            }

            return fair;
        }
        catch (ArgumentException ex)
        {
            throw new CsvInputException(path, 0, 0, null, $"cannot calibrate: {ex.Message}");
        }
    }
}

/// <summary>Every record of a CSV held as read, with its group (null when missing) and score (NaN when missing).</summary>
internal sealed class HeldRows
{
    private HeldRows(RecordStore records, int[] ends, string?[] groups, double[] scores, Dictionary<int, (byte[] Bytes, bool Quoted)> rawScores, long missingGroup)
    {
        Records = records;
        Ends = ends;
        Groups = groups;
        Scores = scores;
        RawScores = rawScores;
        MissingGroup = missingGroup;
    }

    /// <summary>The records' bytes, one after another, without their line breaks.</summary>
    public RecordStore Records { get; }

    /// <summary>Where each record ends in <see cref="Records"/>.</summary>
    public int[] Ends { get; }

    /// <summary>Each row's group key; null when a group column is missing.</summary>
    public string?[] Groups { get; }

    /// <summary>Each row's score; NaN when missing.</summary>
    public double[] Scores { get; }

    /// <summary>The score field as read of each row passed through (no group, or no finite score).</summary>
    public Dictionary<int, (byte[] Bytes, bool Quoted)> RawScores { get; }

    /// <summary>Rows without a group.</summary>
    public long MissingGroup { get; }

    /// <summary>The rows.</summary>
    public int Count => Ends.Length;

    /// <summary>Reads every record of <paramref name="reader"/>; null as soon as one is too long to hold.</summary>
    public static HeldRows? Read(PredictionReader reader, Action<long, long>? progress)
    {
        var records = new RecordStore(reader.Length);
        var copy = new OutputBuffer(records);
        reader.PassThrough = copy;
        var ends = new ChunkedColumn<int>();
        var groups = new ChunkedColumn<string?>();
        var scores = new ChunkedColumn<double>();
        var raw = new Dictionary<int, (byte[], bool)>();
        long missingGroup = 0;
        while (reader.Read())
        {
            // The record was copied through as it was parsed: where the store ends now, it ends.
            copy.Flush();
            if (records.Overflowed)
            {
                return null;
            }

            var row = checked((int)ends.Count);
            ends.Add(records.EndRecord());
            var group = reader.Group();
            var score = reader.Score();
            groups.Add(group);
            scores.Add(score);
            if (group is null || !double.IsFinite(score))
            {
                missingGroup += group is null ? 1 : 0;
                raw[row] = (reader.RawScore(out var quoted).ToArray(), quoted);
            }

            RowSources.Tick(reader, progress);
        }

        reader.PassThrough = null;
        return new HeldRows(records, ends.ToArray(), groups.ToArray(), scores.ToArray(), raw, missingGroup);
    }
}
