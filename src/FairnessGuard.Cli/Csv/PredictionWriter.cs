using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FairnessGuard.Cli.Csv;

/// <summary>Writes the input's records unchanged with one column appended, in the input's delimiter.</summary>
internal sealed class PredictionWriter : IDisposable
{
    private readonly CsvWriter _csv;

    /// <summary>Starts the output with the input header plus <paramref name="newColumn"/>.</summary>
    public PredictionWriter(TextWriter output, string delimiter, IReadOnlyList<string> header, string newColumn)
    {
        _csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter });
        foreach (var name in header)
        {
            _csv.WriteField(name);
        }

        _csv.WriteField(newColumn);
        _csv.NextRecord();
    }

    /// <summary>Writes one record and its new value.</summary>
    public void Write(string[] record, string value)
    {
        foreach (var field in record)
        {
            _csv.WriteField(field);
        }

        _csv.WriteField(value);
        _csv.NextRecord();
    }

    /// <summary>Formats a number the shortest way that reads back exactly.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();
}
