using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Correction;

/// <summary>What <c>correct</c> was asked.</summary>
/// <param name="Path">The input (CSV or Parquet).</param>
/// <param name="Columns">Group and score columns.</param>
/// <param name="OutputPath">Where the corrected file goes (CSV or Parquet).</param>
/// <param name="Mode">Online replay or batch map.</param>
/// <param name="CalibrationPath">The calibration file of batch mode; the input itself when null.</param>
/// <param name="Strength">The strength λ in [0, 1].</param>
/// <param name="Seed">The seed of tie-breaking and sketches.</param>
/// <param name="WarmUp">Online mode: samples a group needs before it is corrected.</param>
internal sealed record CorrectSettings(
    string Path, ColumnSpec Columns, string OutputPath, CorrectionMode Mode, string? CalibrationPath, double Strength, ulong Seed, int WarmUp)
{
    /// <summary>How the inputs' text is decoded.</summary>
    public InputEncoding Encoding { get; init; } = InputEncoding.Utf8;

    /// <summary>Whether numbers use a decimal comma.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>"csv" or "parquet" for the input; null to go by its extension.</summary>
    public string? InputFormat { get; init; }

    /// <summary>"csv" or "parquet" for the output; null to go by its extension (<c>.parquet</c>, else CSV).</summary>
    public string? OutputFormat { get; init; }

    /// <summary>Runs on one thread even where the pipelined path applies (tests compare the two).</summary>
    public bool Sequential { get; init; }

    /// <summary>Whether the input is read as Parquet.</summary>
    public bool ParquetInput => RowSources.IsParquet(Path, InputFormat);

    /// <summary>Whether the output is written as Parquet.</summary>
    public bool ParquetOutput => RowSources.IsParquet(OutputPath, OutputFormat);
}

/// <summary>What <c>correct</c> did.</summary>
/// <param name="Rows">Data rows written.</param>
/// <param name="Corrected">Rows whose score went through the correction.</param>
/// <param name="Changed">Rows whose returned score differs from the raw one (the rest passed through unchanged, e.g. while a group warms up).</param>
/// <param name="MissingScore">Rows whose score was missing or non-finite: passed through as read.</param>
/// <param name="MissingGroup">Rows without a group value: passed through as read.</param>
/// <param name="FairColumn">The name of the added column.</param>
internal sealed record CorrectSummary(long Rows, long Corrected, long Changed, long MissingScore, long MissingGroup, string FairColumn);

/// <summary>
/// Streams the input to the output one record at a time, appending <c>&lt;score&gt;_fair</c>. The output is
/// written to a temporary file and renamed at the end, so an error leaves nothing half-written.
/// </summary>
internal static class CorrectRunner
{
    /// <summary>Runs the correction.</summary>
    /// <param name="settings">What to do.</param>
    /// <param name="progress">Told the bytes read and the file length every 65,536 rows; may be null.</param>
    /// <exception cref="CsvInputException">Bad input; the output file was not created or changed.</exception>
    public static CorrectSummary Run(CorrectSettings settings, Action<long, long>? progress = null)
    {
        if (settings.ParquetInput && !settings.ParquetOutput)
        {
            throw new CsvInputException($"a Parquet input is corrected into Parquet (its column types kept): name an output ending in .parquet or pass --output-format parquet; got '{TextCap.Echo(settings.OutputPath)}'.");
        }

        if (InSampleCorrection.Applies(settings) && InSampleCorrection.Run(settings, progress) is { } held)
        {
            return held;
        }

        if (PipelinedCorrection.Applies(settings) && PipelinedCorrection.Run(settings, progress) is { } piped)
        {
            return piped;
        }

        using var corrector = CreateCorrector(settings, progress);
        using IRowSource source = settings.ParquetInput
            ? ParquetRowSource.Open(settings.Path, settings.Columns)
            : PredictionReader.Open(settings.Path, settings.Columns, settings.Encoding, settings.DecimalComma, captureAll: settings.ParquetOutput);
        var fairColumn = source is ParquetRowSource parquet ? FairColumn(parquet.ScoreName, parquet.Schema.Fields.Select(f => f.Name).ToArray(), settings.Path, 0) : FairColumn((PredictionReader)source, settings.Path);

        CorrectSummary? summary = null;
        AtomicFile.WriteBytes(settings.OutputPath, stream =>
        {
            using ICorrectedOutput output = source switch
            {
                ParquetRowSource p => new ParquetToParquetOutput(stream, p, fairColumn),
                PredictionReader csv when settings.ParquetOutput => new CsvToParquetOutput(stream, csv, fairColumn),
                PredictionReader csv => new PredictionWriter(stream, csv, fairColumn),
                _ => throw new InvalidOperationException("unknown row source"),
            };
            summary = Stream(source, output, corrector, settings, fairColumn, progress);
            output.Complete();
        });
        return summary!;
    }

    /// <summary>The added column's name, <c>&lt;score&gt;_fair</c>, refused when the CSV's header has it already.</summary>
    /// <exception cref="CsvInputException">The header has the column.</exception>
    public static string FairColumn(PredictionReader reader, string path) => FairColumn(reader.ScoreName, reader.Header, path, 1);

    private static string FairColumn(string scoreName, string[] names, string path, int headerLine)
    {
        var fairColumn = scoreName + "_fair";
        if (Array.IndexOf(names, fairColumn) is var existing and >= 0)
        {
            throw new CsvInputException(path, headerLine, existing + 1, fairColumn, "the output column already exists in the input");
        }

        return fairColumn;
    }

    private static CorrectSummary Stream(IRowSource reader, ICorrectedOutput output, IRowCorrector corrector, CorrectSettings settings, string fairColumn, Action<long, long>? progress)
    {
        var tally = default(CorrectionTally);
        while (reader.Read())
        {
            var score = reader.Score();
            var group = reader.Group();
            if (!tally.Correctable(group, score))
            {
                output.PassedThrough(score);
            }
            else
            {
                if (corrector.Reject(group) is { } problem)
                {
                    throw reader.ErrorAt(settings.Columns.Groups[0], problem);
                }

                var fair = corrector.Correct(score, group, reader.RowIndex);
                output.Corrected(fair);
                tally.Corrected(score, fair);
            }

            RowSources.Tick(reader, progress);
        }

        return tally.Summary(fairColumn);
    }

    private static IRowCorrector CreateCorrector(CorrectSettings settings, Action<long, long>? progress) => settings.Mode switch
    {
        CorrectionMode.Online => new OnlineRowCorrector(settings.Strength, settings.Seed, settings.WarmUp),
        _ => BatchRowCorrector.Fit(settings.CalibrationPath ?? settings.Path, settings.Columns, settings.Strength, settings.Seed, settings.Encoding, settings.DecimalComma, progress, settings.CalibrationPath is null ? settings.InputFormat : null, inSample: settings.CalibrationPath is null),
    };
}
