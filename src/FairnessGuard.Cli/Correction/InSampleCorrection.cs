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
        var fairColumn = CorrectRunner.FairColumn(reader, settings.Path);

        if (HeldRows.Read(reader, () => PredictionReader.Open(settings.Path, columns, settings.Encoding, settings.DecimalComma), progress) is not { } rows)
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
        var groups = rows.Groups.AsSpan(0, rows.Count);
        var scores = rows.Scores.AsSpan(0, rows.Count);
        AuditOutcome.RequireTwoGroups(path, TwoGroupsWithScores(groups, scores));
        var options = new BarycenterOptions { Strength = settings.Strength, Seed = settings.Seed };
        try
        {
            var fair = GC.AllocateUninitializedArray<double>(rows.Count);
            if (rows.MissingGroup == 0)
            {
                // Every row has a group: row i of the data is row i of the file (the tie-breaking draw's index).
                ExactBarycenterCorrector<string>.FitAndApply(scores, groups!, fair, options);
                return fair;
            }

            // Rows without a group are left out of the fit but keep their place: each row's draw is its file row.
            var keep = new List<int>();
            for (var i = 0; i < groups.Length; i++)
            {
                if (groups[i] is not null)
                {
                    keep.Add(i);
                }
            }

            var corrector = ExactBarycenterCorrector<string>.Fit([.. keep.Select(i => rows.Scores[i])], [.. keep.Select(i => rows.Groups[i]!)], options);
            for (var i = 0; i < fair.Length; i++)
            {
                fair[i] = groups[i] is { } group && double.IsFinite(scores[i]) ? corrector.Apply(scores[i], group, i) : scores[i];
            }

            return fair;
        }
        catch (ArgumentException ex)
        {
            throw new CsvInputException(path, 0, 0, null, $"cannot calibrate: {ex.Message}");
        }
    }

    // The first two distinct groups that have a finite score (fewer when there are not two).
    private static string[] TwoGroupsWithScores(ReadOnlySpan<string?> groups, ReadOnlySpan<double> scores)
    {
        string? first = null;
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] is { } group && double.IsFinite(scores[i]))
            {
                if (first is null)
                {
                    first = group;
                }
                else if (!string.Equals(first, group, StringComparison.Ordinal))
                {
                    return [first, group];
                }
            }
        }

        return first is null ? [] : [first];
    }
}
