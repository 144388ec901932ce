using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// The columns an exact audit needs, read from a file in one streaming pass: per row the score, a
/// reference to the (interned) group key and, with labels, the label: 16 or 24 bytes a row, the CSV text
/// itself is never held.
/// </summary>
internal sealed class AuditData
{
    private AuditData(string path, string scoreName, string[] groups, double[] scores, double[]? labels, long missingGroup)
    {
        Path = path;
        ScoreName = scoreName;
        Groups = groups;
        Scores = scores;
        Labels = labels;
        MissingGroup = missingGroup;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The score column's name.</summary>
    public string ScoreName { get; }

    /// <summary>The group of each audited row.</summary>
    public string[] Groups { get; }

    /// <summary>The score of each audited row; NaN when missing.</summary>
    public double[] Scores { get; }

    /// <summary>The label of each audited row (NaN when missing), when a label column was named.</summary>
    public double[]? Labels { get; }

    /// <summary>Rows left out because a group column was missing.</summary>
    public long MissingGroup { get; }

    /// <summary>Reads the file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="spec">The columns.</param>
    /// <param name="encoding">How the text is decoded.</param>
    /// <param name="decimalComma">Whether numbers use a decimal comma.</param>
    /// <param name="progress">Told the bytes read and the file length now and then; may be null.</param>
    /// <param name="inputFormat">"csv" or "parquet"; null to go by the extension.</param>
    public static AuditData Load(string path, ColumnSpec spec, InputEncoding encoding = InputEncoding.Utf8, bool decimalComma = false, Action<long, long>? progress = null, string? inputFormat = null)
    {
        using var reader = RowSources.Open(path, spec, encoding, decimalComma, inputFormat);
        var groups = new ChunkedColumn<string>();
        var scores = new ChunkedColumn<double>();
        var labels = spec.Label is null ? null : new ChunkedColumn<double>();
        long missingGroup = 0;
        while (reader.Read())
        {
            var group = reader.Group();
            var score = reader.Score();
            var label = reader.Label();
            if (group is null)
            {
                missingGroup++;
                continue;
            }

            groups.Add(group);
            scores.Add(score);
            labels?.Add(label);
            RowSources.Tick(reader, progress);
        }

        return new AuditData(path, reader.ScoreName, groups.ToArray(), scores.ToArray(), labels?.ToArray(), missingGroup);
    }
}
