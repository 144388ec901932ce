namespace FairnessGuard.Cli.Csv;

/// <summary>Opens an input file for reading; a file that cannot be opened is bad input (exit 2), not a crash.</summary>
internal static class InputFile
{
    /// <summary>Opens <paramref name="path"/> read-only.</summary>
    /// <exception cref="CsvInputException">The file is missing or unreadable.</exception>
    public static FileStream Open(string path, int bufferSize, FileOptions options = FileOptions.None)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CsvInputException(path, 0, 0, null, $"cannot open: {TextCap.Echo(ex.Message)}");
        }
    }
}
