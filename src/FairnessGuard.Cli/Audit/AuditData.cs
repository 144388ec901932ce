using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// The columns an exact audit needs, read from a file in one streaming pass: per row the score, a
/// reference to the (interned) group key and, with labels, the label: 16 or 24 bytes a row, the CSV text
/// itself is never held. A large CSV is read in two halves on two cores (<see cref="CsvHalves{TPart}"/>), the
/// rows joined in file order and the second half's group keys mapped to the first's strings: the same data.
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
        if (RowSources.IsParquet(path, inputFormat))
        {
            return Collected(FromColumns(path, ParquetRowSource.ReadColumns(path, spec, progress)));
        }

        using var reader = RowSources.Open(path, spec, encoding, decimalComma, inputFormat);
        var head = new Rows(spec.Label is not null);
        using var halves = reader is PredictionReader csv
            ? CsvHalves<Rows>.Start(csv, () => PredictionReader.Open(path, spec, encoding, decimalComma), () => new Rows(spec.Label is not null), (r, rows) => rows.Add(r))
            : null;
        var watch = halves?.Boundary ?? long.MaxValue;
        while (reader.Read())
        {
            head.Add(reader);
            RowSources.Tick(reader, progress);
            if (reader.Position >= watch)
            {
                watch = long.MaxValue;
                if (halves!.Joins(reader.Position) is { } tail)
                {
                    return head.ToData(path, reader.ScoreName, tail.Part, CanonicalKeys(((PredictionReader)reader).GroupKeys, tail.Keys));
                }
            }
        }

        return head.ToData(path, reader.ScoreName, null, null);
    }

    // The Parquet decoder's garbage (≈ 150 MB at 10M rows) is collected before the audit allocates its sorted copies,
    // so the peak holds the columns and the copies (862 → 716 MB at 10M rows; the CSV path measured no gain).
    private static AuditData Collected(AuditData data)
    {
        if (data.Groups.Length >= 1 << 20)
        {
            GC.Collect();
        }

        return data;
    }

    // Whole columns with the rows of a missing group left out (in place when there are none).
    private static AuditData FromColumns(string path, ParquetAuditColumns columns)
    {
        var (groups, scores, labels) = (columns.Groups, columns.Scores, columns.Labels);
        var missing = groups.AsSpan().Count((string?)null);
        if (missing == 0)
        {
            return new AuditData(path, columns.ScoreName, groups!, scores, labels, 0);
        }

        var kept = groups.Length - missing;
        var (g, s, l) = (new string[kept], new double[kept], labels is null ? null : new double[kept]);
        for (int i = 0, j = 0; i < groups.Length; i++)
        {
            if (groups[i] is { } key)
            {
                (g[j], s[j]) = (key, scores[i]);
                if (l is not null)
                {
                    l[j] = labels![i];
                }

                j++;
            }
        }

        return new AuditData(path, columns.ScoreName, g, s, l, missing);
    }

    // The second half's key strings mapped to the first half's strings of the same text (new keys to themselves).
    private static Dictionary<string, string> CanonicalKeys(IEnumerable<string> headKeys, IReadOnlyList<string> tailKeys)
    {
        var byText = headKeys.ToDictionary(k => k, StringComparer.Ordinal);
        var map = new Dictionary<string, string>(ReferenceEqualityComparer.Instance);
        foreach (var key in tailKeys)
        {
            map[key] = byText.GetValueOrDefault(key, key);
        }

        return map;
    }

    /// <summary>The rows of one part of the file.</summary>
    private sealed class Rows(bool labelled)
    {
        private readonly ChunkedColumn<string> _groups = new();
        private readonly ChunkedColumn<double> _scores = new();
        private readonly ChunkedColumn<double>? _labels = labelled ? new() : null;
        private long _missingGroup;

        public void Add(IRowSource reader)
        {
            var group = reader.Group();
            var score = reader.Score();
            var label = reader.Label();
            if (group is null)
            {
                _missingGroup++;
                return;
            }

            _groups.Add(group);
            _scores.Add(score);
            _labels?.Add(label);
        }

        public AuditData ToData(string path, string scoreName, Rows? tail, Dictionary<string, string>? canonical)
        {
            var groups = _groups.ToArray(tail?._groups);
            if (tail is not null && canonical is not null)
            {
                Canonicalize(groups.AsSpan(checked((int)_groups.Count)), canonical);
            }

            return new AuditData(path, scoreName, groups, _scores.ToArray(tail?._scores), _labels?.ToArray(tail?._labels), _missingGroup + (tail?._missingGroup ?? 0));
        }

        private static void Canonicalize(Span<string> groups, Dictionary<string, string> canonical)
        {
            // Few keys: found by reference in a short array; many: by the map.
            var from = canonical.Keys.ToArray();
            var to = from.Select(k => canonical[k]).ToArray();
            for (var i = 0; i < groups.Length; i++)
            {
                var key = groups[i];
                var k = from.Length <= 8 ? Array.IndexOf(from, key) : -1;
                groups[i] = k >= 0 ? to[k] : canonical[key];
            }
        }
    }
}
