namespace FairnessGuard.Cli.Csv;

/// <summary>Bad input in a CSV file: the message names the file, the line and, when known, the column.</summary>
internal sealed class CsvInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The 1-based line number, or 0 when the error is about the whole file.</param>
    /// <param name="column">The 1-based column number, or 0 when unknown.</param>
    /// <param name="columnName">The column's header name, when known.</param>
    /// <param name="problem">What is wrong.</param>
    public CsvInputException(string path, long line, int column, string? columnName, string problem)
        : base(Format(path, line, column, columnName, problem))
    {
        Path = path;
        Line = line;
        Column = column;
        ColumnName = columnName;
    }

    /// <summary>Creates an exception about the invocation rather than a file position.</summary>
    /// <param name="message">The message.</param>
    public CsvInputException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line number; 0 when the error concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>The 1-based column number; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The column's header name, when known.</summary>
    public string? ColumnName { get; }

    private static string Format(string path, long line, int column, string? columnName, string problem)
    {
        var where = line > 0 ? $"{path}:{line}" : path;
        if (column > 0)
        {
            where += columnName is null ? $": column {column}" : $": column {column} ({columnName})";
        }

        return $"{where}: {problem}";
    }
}
