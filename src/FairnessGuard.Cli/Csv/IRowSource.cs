namespace FairnessGuard.Cli.Csv;

/// <summary>The rows of a prediction file as the audits read them: group key, score and label, one row at a time.</summary>
internal interface IRowSource : IDisposable
{
    /// <summary>The file.</summary>
    string Path { get; }

    /// <summary>The name of the score column.</summary>
    string ScoreName { get; }

    /// <summary>The 0-based index of the current row.</summary>
    long RowIndex { get; }

    /// <summary>Progress: units consumed so far (bytes, or rows for Parquet).</summary>
    long Position { get; }

    /// <summary>Progress: total units (0 when unknown).</summary>
    long Length { get; }

    /// <summary>Advances to the next row; false at the end.</summary>
    bool Read();

    /// <summary>The current row's score; NaN when missing.</summary>
    double Score();

    /// <summary>The current row's label; NaN when missing or when no label column was named.</summary>
    double Label();

    /// <summary>The current row's group key (one string per distinct key); null when a group column is missing.</summary>
    string? Group();

    /// <summary>An error about the current row at a named column.</summary>
    CsvInputException ErrorAt(string columnName, string problem);
}

/// <summary>The <c>--input-format</c> values.</summary>
internal enum InputFormat
{
    /// <summary>By extension: <c>.parquet</c> is Parquet, anything else CSV.</summary>
    Auto,

    /// <summary>CSV (any of the detected delimiters).</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}

/// <summary>Which reader a file gets: by <c>--input-format</c>, else by extension (<c>.parquet</c>), else CSV.</summary>
internal static class RowSources
{
    /// <summary>Whether <paramref name="path"/> is read as Parquet.</summary>
    public static bool IsParquet(string path, string? format) =>
        format is null ? path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) : string.Equals(format, "parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>--input-format</c> value as the settings carry it: "csv", "parquet", or null for by extension.</summary>
    public static string? Name(InputFormat format) => format switch { InputFormat.Csv => "csv", InputFormat.Parquet => "parquet", _ => null };

    /// <summary>Opens the file with the reader its format needs.</summary>
    public static IRowSource Open(string path, ColumnSpec spec, InputEncoding encoding, bool decimalComma, string? format) =>
        IsParquet(path, format) ? ParquetRowSource.Open(path, spec, prefetch: true) : PredictionReader.Open(path, spec, encoding, decimalComma);

    /// <summary>Called once a row: every 4,096 rows stops on a cancellation, every 65,536 rows reports progress (units read, total).</summary>
    public static void Tick(IRowSource source, Action<long, long>? progress)
    {
        var row = source.RowIndex;
        if ((row & 0xFFF) == 0)
        {
            Commands.CliCancellation.ThrowIfCancelled();
            if (progress is not null && (row & 0xFFFF) == 0)
            {
                progress(source.Position, source.Length);
            }
        }
    }
}
