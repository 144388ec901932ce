using System.Globalization;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Writes the input's records byte for byte (the reader copies them through as it parses) with one column
/// appended, in the input's delimiter, line break and encoding.
/// </summary>
internal sealed class PredictionWriter : Correction.ICorrectedOutput
{
    private readonly OutputBuffer _output;
    private readonly PredictionReader _reader;

    /// <summary>Writes the input header plus <paramref name="newColumn"/> and routes the reader's records to <paramref name="output"/>.</summary>
    public PredictionWriter(Stream output, PredictionReader reader, string newColumn)
    {
        _output = new OutputBuffer(output);
        _reader = reader;
        _output.Write(reader.HeaderBytes);
        _output.WriteByte(reader.DelimiterByte);
        var name = newColumn.Contains('"', StringComparison.Ordinal) || newColumn.Contains(reader.Delimiter, StringComparison.Ordinal) || newColumn.Contains('\n', StringComparison.Ordinal)
            ? "\"" + newColumn.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : newColumn;
        _output.Write(reader.Encoding == InputEncoding.Latin1 ? System.Text.Encoding.Latin1.GetBytes(name) : System.Text.Encoding.UTF8.GetBytes(name));
        _output.Write(reader.NewLine);
        reader.PassThrough = _output;
    }

    /// <summary>Writes a record's bytes (without its line break) held elsewhere; <see cref="Write"/> or <see cref="WriteRaw"/> ends it.</summary>
    public void WriteRecord(ReadOnlySpan<byte> record) => _output.Write(record);

    /// <summary>Ends the current record (already copied through) with a number.</summary>
    public void Write(double value)
    {
        _output.WriteByte(_reader.DelimiterByte);
        _output.WriteNumber(value);
        _output.Write(_reader.NewLine);
    }

    /// <summary>Ends the current record with the score field as read.</summary>
    public void WriteRaw(ReadOnlySpan<byte> field, bool quoted)
    {
        _output.WriteByte(_reader.DelimiterByte);
        if (quoted)
        {
            _output.WriteByte((byte)'"');
        }

        _output.Write(field);
        if (quoted)
        {
            _output.WriteByte((byte)'"');
        }

        _output.Write(_reader.NewLine);
    }

    /// <inheritdoc/>
    public void Corrected(double fair) => Write(fair);

    /// <inheritdoc/>
    public void PassedThrough(double score) => WriteRaw(_reader.RawScore(out var quoted), quoted);

    /// <inheritdoc/>
    public void Complete() => _output.Flush();

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>Formats a number the shortest way that reads back exactly.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
